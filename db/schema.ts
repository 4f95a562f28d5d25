/**
 * Cairn's database schema (drizzle, SQLite/libSQL dialect).
 *
 * Conventions: timestamps are integers in milliseconds since the epoch; ids of
 * content rows are stable hashes computed by the ingestion pipeline so that a
 * re-import of unchanged material maps onto the same rows (and a learner's
 * history stays attached); stored enum values are never renamed.
 */
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// ---------------------------------------------------------------- content

export const courses = sqliteTable(
  "courses",
  {
    id: text("id").primaryKey(),
    /**
     * Unique per owner (courses_owner_slug). Still unique overall too, while
     * a course's URL names it by slug alone.
     */
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /**
     * The instructor whose course this is ("update:course:own"); null for a
     * course no instructor owns (content/ imported in production), which only
     * "any" permissions reach. Declared after the users table below.
     */
    ownerId: text("owner_id").references((): AnySQLiteColumn => users.id),
    /** Hash of everything the import read (manifest + files); equal hash = nothing to do. */
    contentHash: text("content_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("courses_owner_slug").on(t.ownerId, t.slug)],
);

export const modules = sqliteTable(
  "modules",
  {
    id: text("id").primaryKey(),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    /** The course's owner, kept on the module so "update:module:own" is checked without a join. */
    ownerId: text("owner_id").references((): AnySQLiteColumn => users.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull(),
    /** File name the module was read from. */
    source: text("source").notNull(),
    /** Hash of the source bytes; the module's version increments when it changes. */
    contentHash: text("content_hash").notNull(),
    version: integer("version").notNull().default(1),
    status: text("status", { enum: ["active", "retired"] }).notNull().default("active"),
    importedAt: integer("imported_at").notNull(),
  },
  (t) => [uniqueIndex("modules_course_slug").on(t.courseId, t.slug)],
);

export const lessons = sqliteTable(
  "lessons",
  {
    id: text("id").primaryKey(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull(),
    /** Source line of the lesson's heading (1 for the overview). */
    line: integer("line").notNull(),
    /** The lesson body as JSON blocks (paragraphs, lists, tables, sub-headings). */
    blocksJson: text("blocks_json").notNull(),
    text: text("text").notNull(),
    readingMinutes: integer("reading_minutes").notNull(),
    keyTermsJson: text("key_terms_json").notNull().default("[]"),
    status: text("status", { enum: ["active", "retired"] }).notNull().default("active"),
  },
  (t) => [index("lessons_module_position").on(t.moduleId, t.position)],
);

export const questionTypes = [
  "cloze",
  "multiple_choice",
  "true_false",
  "short_answer",
  "numeric",
] as const;

export const questions = sqliteTable(
  "questions",
  {
    id: text("id").primaryKey(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    type: text("type", { enum: questionTypes }).notNull(),
    prompt: text("prompt").notNull(),
    answer: text("answer").notNull(),
    /** JSON array of accepted answer variants (the answer itself included). */
    acceptedJson: text("accepted_json").notNull().default("[]"),
    /** JSON array of options, for multiple_choice and true_false. */
    optionsJson: text("options_json"),
    /** JSON {value, unit, tolerance} for numeric questions. */
    numericJson: text("numeric_json"),
    sourceSentence: text("source_sentence").notNull(),
    sourceLine: integer("source_line").notNull(),
    explanation: text("explanation").notNull(),
    /** Shared by questions that ask the same fact in different forms (siblings). */
    siblingKey: text("sibling_key").notNull(),
    quality: real("quality").notNull(),
    /** Order within the lesson, best first. */
    rank: integer("rank").notNull(),
    status: text("status", { enum: ["active", "retired"] }).notNull().default("active"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("questions_lesson_rank").on(t.lessonId, t.rank),
    index("questions_module").on(t.moduleId),
    // The few retired questions, so counting a learner's cards can subtract theirs without joining every card.
    index("questions_retired").on(t.id).where(sql`${t.status} = 'retired'`),
  ],
);

// ---------------------------------------------------------------- people

export const roles = ["learner", "instructor", "admin"] as const;

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: roles }).notNull().default("learner"),
  passwordHash: text("password_hash").notNull(),
  createdAt: integer("created_at").notNull(),
  /** FSRS desired retention, 0.70–0.97. */
  desiredRetention: real("desired_retention").notNull().default(0.9),
  newPerDay: integer("new_per_day").notNull().default(20),
  maxReviewsPerDay: integer("max_reviews_per_day").notNull().default(200),
  /** IANA time zone; the learner's day rolls over at 4 am there. */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** JSON array of 21 FSRS-6 weights optimised from this learner's log; null = defaults. */
  fsrsParamsJson: text("fsrs_params_json"),
  fsrsParamsUpdatedAt: integer("fsrs_params_updated_at"),
  /** Number of reviews the personal parameters were fitted on. */
  fsrsParamsReviewCount: integer("fsrs_params_review_count"),
});

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token: a database leak yields no usable session. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Failed sign-ins, for rate limiting per account and per address across app servers. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /**
     * "pair:<email>|<address>", "email:<email>", "ip:<address>" (sign-in), "signup:<address>",
     * "join:<user id>", "join-ip:<address>" (guesses at a cohort's join code or invite link),
     * or "link-by:<issuer id>", "link-for:<user id>" (set-password links issued).
     */
    key: text("key").notNull(),
    attemptedAt: integer("attempted_at").notNull(),
  },
  (t) => [index("login_attempts_key_time").on(t.key, t.attemptedAt)],
);

// ---------------------------------------------------------------- studying

export const enrolments = sqliteTable(
  "enrolments",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id),
    enrolledAt: integer("enrolled_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId] })],
);

export const lessonReads = sqliteTable(
  "lesson_reads",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    readAt: integer("read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] })],
);

/** FSRS card states as ts-fsrs numbers them. */
export const cardStates = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

export const cards = sqliteTable(
  "cards",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id),
    siblingKey: text("sibling_key").notNull(),
    state: integer("state").notNull().default(0),
    due: integer("due").notNull(),
    stability: real("stability").notNull().default(0),
    difficulty: real("difficulty").notNull().default(0),
    elapsedDays: integer("elapsed_days").notNull().default(0),
    scheduledDays: integer("scheduled_days").notNull().default(0),
    learningSteps: integer("learning_steps").notNull().default(0),
    reps: integer("reps").notNull().default(0),
    lapses: integer("lapses").notNull().default(0),
    lastReview: integer("last_review"),
    /** Incremented by every review and undo: a showing of an older version is stale. */
    version: integer("version").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("cards_user_question").on(t.userId, t.questionId),
    // Started cards by due date, for the review queue and what is left today (new cards wait elsewhere).
    index("cards_user_started_due").on(t.userId, t.due).where(sql`${t.state} <> 0`),
    // New cards per module in introduction order, for the review queue.
    index("cards_user_state_module").on(t.userId, t.state, t.moduleId, t.id),
  ],
);

/**
 * One row per time a card was put in front of a learner. Answers are submitted
 * against a showing, which makes submission idempotent: the second submission
 * of a showing returns the first one's result instead of reviewing again.
 */
export const showings = sqliteTable(
  "showings",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cardId: integer("card_id")
      .notNull()
      .references(() => cards.id, { onDelete: "cascade" }),
    cardVersion: integer("card_version").notNull(),
    /** JSON array: the option order this showing displayed (multiple choice). */
    optionsJson: text("options_json"),
    shownAt: integer("shown_at").notNull(),
    answeredAt: integer("answered_at"),
    /** JSON: what the learner answered and how it was graded. */
    responseJson: text("response_json"),
    reviewLogId: integer("review_log_id"),
  },
  (t) => [index("showings_user_card").on(t.userId, t.cardId)],
);

/** Append-only: a review is never rewritten. Undo appends to review_undos. */
export const reviewLogs = sqliteTable(
  "review_logs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cardId: integer("card_id")
      .notNull()
      .references(() => cards.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The showing answered. A re-rating appends a second log for the same showing after undoing the first. */
    showingId: text("showing_id").notNull(),
    reviewedAt: integer("reviewed_at").notNull(),
    /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
    rating: integer("rating").notNull(),
    correct: integer("correct", { mode: "boolean" }).notNull(),
    responseMs: integer("response_ms").notNull(),
    /** Card state before this review. */
    state: integer("state").notNull(),
    elapsedDays: integer("elapsed_days").notNull(),
    scheduledDays: integer("scheduled_days").notNull(),
    /** JSON of the whole card row before the review: undo restores it exactly. */
    cardBeforeJson: text("card_before_json").notNull(),
    /** cards.version right after this review: undo is refused once the card moved on. */
    cardVersionAfter: integer("card_version_after").notNull(),
  },
  (t) => [
    index("review_logs_user_time").on(t.userId, t.reviewedAt),
    index("review_logs_card_time").on(t.cardId, t.reviewedAt),
    index("review_logs_showing").on(t.showingId),
  ],
);

export const reviewUndos = sqliteTable("review_undos", {
  reviewLogId: integer("review_log_id")
    .primaryKey()
    .references(() => reviewLogs.id, { onDelete: "cascade" }),
  undoneAt: integer("undone_at").notNull(),
});

// ---------------------------------------------------------------- teaching

/** A group of learners an instructor teaches; learners join it with its code (app/teaching/assignments.ts). */
export const cohorts = sqliteTable("cohorts", {
  id: text("id").primaryKey(),
  /** The instructor who created it ("update:cohort:own"); co-teachers are in cohort_instructors. */
  ownerId: text("owner_id")
    .notNull()
    .references(() => users.id),
  name: text("name").notNull(),
  /** As learners type it, without the display hyphen; unique so a code names one cohort. */
  joinCode: text("join_code").notNull().unique(),
  createdAt: integer("created_at").notNull(),
});

/** Who teaches a cohort: its owner and any co-teachers. Every instructor query is scoped through this table. */
export const cohortInstructors = sqliteTable(
  "cohort_instructors",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("cohort_instructors_user").on(t.userId)],
);

/**
 * How a learner came into a cohort: they joined it themselves (code or invite
 * link), or an instructor's roster added them, as a new account or an
 * existing one. Only the first two let the cohort's instructors issue the
 * learner a recovery link (models/cohort-learner.server.ts): adding someone
 * else's existing account to a roster gives no hold over it.
 */
export const memberSources = ["joined", "roster-new", "roster-existing"] as const;

export const cohortMembers = sqliteTable(
  "cohort_members",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: integer("joined_at").notNull(),
    source: text("source", { enum: memberSources }).notNull().default("joined"),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("cohort_members_user").on(t.userId)],
);

export const assignments = sqliteTable(
  "assignments",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id),
    startsAt: integer("starts_at").notNull(),
    dueAt: integer("due_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("assignments_cohort").on(t.cohortId, t.dueAt)],
);

/** A later due date for one learner on one assignment (app/teaching/assignments.ts effectiveDueAt). */
export const assignmentExtensions = sqliteTable(
  "assignment_extensions",
  {
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    dueAt: integer("due_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] })],
);

// ---------------------------------------------------------------- one-time links (roster, recovery, invites)

/** Why a set-password link was issued: a new account from a roster, or a lost password. */
export const passwordTokenPurposes = ["welcome", "recovery"] as const;

/**
 * One-time set-password links (models/password-token.server.ts). The link
 * carries a random token; only its SHA-256 is stored, as session ids are, so
 * a leaked database opens no account. A link is used once (used_at), expires,
 * and is replaced by the next one issued for the same user.
 */
export const passwordTokens = sqliteTable(
  "password_tokens",
  {
    /** SHA-256 (hex) of the link's token. */
    id: text("id").primaryKey(),
    purpose: text("purpose", { enum: passwordTokenPurposes }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The instructor or admin who issued it. */
    issuedBy: text("issued_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("password_tokens_user").on(t.userId)],
);

/**
 * A cohort's invite link, when it has one (models/cohort-invite.server.ts):
 * the SHA-256 of its token (teaching/invite-token.server.ts). Rotating
 * replaces the row, turning it off deletes it.
 */
export const cohortInvites = sqliteTable("cohort_invites", {
  cohortId: text("cohort_id")
    .primaryKey()
    .references(() => cohorts.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: integer("created_at").notNull(),
});

export type Course = typeof courses.$inferSelect;
export type Module = typeof modules.$inferSelect;
export type Lesson = typeof lessons.$inferSelect;
export type Question = typeof questions.$inferSelect;
export type User = typeof users.$inferSelect;
export type Card = typeof cards.$inferSelect;
export type ReviewLog = typeof reviewLogs.$inferSelect;
export type Showing = typeof showings.$inferSelect;
export type Cohort = typeof cohorts.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
