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
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// ---------------------------------------------------------------- content

/** "quality": the estimate decides (plus vouched questions); "accepted": only what an instructor vouched for. */
export const learnerQuestionPolicies = ["quality", "accepted"] as const;

/**
 * What an instructor has done to a question (app/questions/curation.ts): "generated", untouched, so a
 * re-import may rewrite it; "accepted" as generated; "edited" (its text is the instructor's; revisions in
 * question_revisions); "hand_written". Whether it is taught is `status`, and who retired it `retired_by`.
 */
export const curationStates = ["generated", "accepted", "edited", "hand_written"] as const;
export const retirers = ["import", "instructor"] as const;

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
    /**
     * The key hashed into its questions' ids (app/content/questions/ids.ts): its id
     * for a module an instructor published from an upload; null for a module
     * imported from content/, whose key is its slug. A new version re-keys its
     * questions with it, so unchanged questions keep their ids.
     */
    questionKey: text("question_key"),
    /**
     * Which questions reach learners (app/learning/deck.ts): "quality", every question estimated at
     * or above `qualityBar` plus those an instructor vouched for; "accepted", only the latter.
     */
    learnerQuestions: text("learner_questions", { enum: learnerQuestionPolicies }).notNull().default("quality"),
    /** The module's own bar for "quality"; null for the default (DECK_QUALITY_BAR). */
    qualityBar: real("quality_bar"),
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
    // ---- curation (app/questions/curation.ts, app/models/curation.server.ts)
    curation: text("curation", { enum: curationStates }).notNull().default("generated"),
    /** Who retired it while status is "retired": an instructor, or an import (null on rows retired before this column: an import). */
    retiredBy: text("retired_by", { enum: retirers }),
    /** The instructor who last accepted, edited, retired, restored or wrote it, and when. */
    curatedBy: text("curated_by").references((): AnySQLiteColumn => users.id),
    curatedAt: integer("curated_at"),
    /** The current revision: 1 as generated or first written; each edit adds one (question_revisions). */
    revision: integer("revision").notNull().default(1),
    /** Format of accepted_json, options_json and numeric_json (app/questions/stored-format.ts). */
    jsonFormat: integer("json_format").notNull().default(1),
  },
  (t) => [
    index("questions_lesson_rank").on(t.lessonId, t.rank),
    index("questions_module").on(t.moduleId),
    // The few retired questions, so counting a learner's cards can subtract theirs without joining every card.
    index("questions_retired").on(t.id).where(sql`${t.status} = 'retired'`),
  ],
);

/**
 * Every text a question has had since an instructor first changed it, oldest first: revision 1 is the
 * text before the first edit (as generated: no editor), each edit adds the next. A question never
 * edited has no rows (its text is revision 1). Cards and reviews stay on the question's id throughout.
 */
export const questionRevisions = sqliteTable(
  "question_revisions",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id),
    revision: integer("revision").notNull(),
    prompt: text("prompt").notNull(),
    answer: text("answer").notNull(),
    acceptedJson: text("accepted_json").notNull(),
    optionsJson: text("options_json"),
    numericJson: text("numeric_json"),
    explanation: text("explanation").notNull(),
    jsonFormat: integer("json_format").notNull(),
    /** The instructor who wrote this revision; null for the generator's text. */
    editorId: text("editor_id").references((): AnySQLiteColumn => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.revision] })],
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

// ---------------------------------------------------------------- drafts (instructors' uploads)

/**
 * processing: the material is being read and its questions written (in the
 * background); ready: the lessons and questions can be looked at and
 * published; failed: `error` says why; published: it became a module or a
 * module's new version (`publishedModuleId`). Stored values are never renamed.
 */
export const draftStatuses = ["processing", "ready", "failed", "published"] as const;

/** Material an instructor brought, turned into lessons and questions that no learner sees until published. */
export const drafts = sqliteTable(
  "drafts",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** JSON array of the uploaded files' names ("Pasted text" for text pasted in). */
    sourceNamesJson: text("source_names_json").notNull(),
    /** Hash of the names and bytes read: the published module's content hash. */
    sourceHash: text("source_hash").notNull(),
    /** The key the draft's question ids were made with; publishing re-keys them to the module's. */
    questionKey: text("question_key").notNull(),
    status: text("status", { enum: draftStatuses }).notNull(),
    /** What the preparation is doing: queued, read, clean, segment, generate, save (app/content/upload.ts). */
    stage: text("stage").notNull(),
    /** 0 to 1. */
    progress: real("progress").notNull().default(0),
    error: text("error"),
    /**
     * The built module, compressed (app/content/draft-format.ts); null until ready and once published.
     * A 10 MB upload builds ~230 MB of JSON: compressed, ~8 times smaller in the row, and never one string in memory.
     */
    moduleGzip: blob("module_gzip", { mode: "buffer" }),
    /** The built module as plain JSON, as drafts were stored before module_gzip: still read, no longer written. */
    moduleJson: text("module_json"),
    /** What the draft page shows (lessons, counts, each lesson's deck), so it never parses moduleJson. */
    summaryJson: text("summary_json"),
    publishedModuleId: text("published_module_id").references(() => modules.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** Renewed by the process preparing it while it is alive: an old one means it died mid-way. */
    heartbeatAt: integer("heartbeat_at").notNull(),
  },
  (t) => [index("drafts_owner_created").on(t.ownerId, t.createdAt)],
);

/** The files of a draft as uploaded, kept until it is ready (so a preparation cut short can run again). */
export const draftFiles = sqliteTable(
  "draft_files",
  {
    draftId: text("draft_id")
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.position] })],
);

// ---------------------------------------------------------------- assessments

/** A timed assessment a cohort sits (app/assessment/): its settings, one row. */
export const assessments = sqliteTable(
  "assessments",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** JSON {"version": 1, "lessons": [{"lessonId", "count"}]}: how many questions each learner is asked per lesson. */
    blueprintJson: text("blueprint_json").notNull(),
    /** JSON array of the question types asked. */
    allowedTypesJson: text("allowed_types_json").notNull(),
    shuffleOptions: integer("shuffle_options", { mode: "boolean" }).notNull(),
    opensAt: integer("opens_at").notNull(),
    closesAt: integer("closes_at").notNull(),
    timeLimitMinutes: integer("time_limit_minutes").notNull(),
    attemptsAllowed: integer("attempts_allowed").notNull(),
    reviewAfterSubmit: text("review_after_submit", { enum: ["nothing", "score", "answers", "keys"] }).notNull(),
    reviewAfterClose: text("review_after_close", { enum: ["nothing", "score", "answers", "keys"] }).notNull(),
    passMarkPercent: real("pass_mark_percent").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** When its questions were frozen into assessment_questions (its first start, after opening); null before. */
    frozenAt: integer("frozen_at"),
  },
  (t) => [index("assessments_cohort").on(t.cohortId, t.opensAt)],
);

/**
 * The questions an opened assessment draws forms from, as they were when it
 * opened: later curation edits of the bank do not reach an assessment whose
 * learners may already hold them (only a regrade changes a key).
 */
export const assessmentQuestions = sqliteTable(
  "assessment_questions",
  {
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id),
    lessonId: text("lesson_id").notNull(),
    type: text("type", { enum: questionTypes }).notNull(),
    prompt: text("prompt").notNull(),
    answer: text("answer").notNull(),
    acceptedJson: text("accepted_json").notNull(),
    optionsJson: text("options_json"),
    numericJson: text("numeric_json"),
    sourceSentence: text("source_sentence").notNull(),
    explanation: text("explanation").notNull(),
    siblingKey: text("sibling_key").notNull(),
    /** app/assessment/form.ts questionDifficulty when frozen. */
    difficulty: real("difficulty").notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionId] })],
);

/** Append-only: every edit of an assessment's settings, what changed from what to what. */
export const assessmentEdits = sqliteTable(
  "assessment_edits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    editedAt: integer("edited_at").notNull(),
    /** JSON array of {field, from, to}. */
    changesJson: text("changes_json").notNull(),
  },
  (t) => [index("assessment_edits_assessment").on(t.assessmentId, t.editedAt)],
);

export const extraTimeKinds = ["multiplier", "minutes"] as const;

/** A learner's accommodation in a cohort, for every assessment of it (app/assessment/timing.ts). */
export const cohortAccommodations = sqliteTable(
  "cohort_accommodations",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    extraTimeKind: text("extra_time_kind", { enum: extraTimeKinds }),
    /** The multiplier (1.5) or the minutes (15), as extra_time_kind says. */
    extraTimeValue: real("extra_time_value"),
    /** Minutes after each assessment's close that this learner's window closes. */
    laterCloseMinutes: integer("later_close_minutes"),
    updatedBy: text("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] })],
);

/** One assessment's accommodation for one learner, beside their cohort profile: the more generous applies. */
export const assessmentOverrides = sqliteTable(
  "assessment_overrides",
  {
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    extraTimeKind: text("extra_time_kind", { enum: extraTimeKinds }),
    extraTimeValue: real("extra_time_value"),
    /** A later close for this learner, as a time. */
    laterCloseAt: integer("later_close_at"),
    updatedBy: text("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.userId] })],
);

/**
 * A learner's attempt. The deadline is the server's (app/assessment/timing.ts
 * attemptDeadline), recomputed when an accommodation or the assessment's
 * clock changes; an open attempt past it and its grace is finished by the
 * next read or the sweep, whichever comes first (a conditional UPDATE on status).
 */
export const attempts = sqliteTable(
  "attempts",
  {
    id: text("id").primaryKey(),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** 1 for the learner's first attempt at the assessment, 2 for the second... */
    number: integer("number").notNull(),
    status: text("status", { enum: ["open", "finished"] }).notNull(),
    startedAt: integer("started_at").notNull(),
    deadline: integer("deadline").notNull(),
    /** The learner's time limit (accommodations applied) and the assessment's, when the deadline was last computed. */
    limitMs: integer("limit_ms").notNull(),
    baseLimitMs: integer("base_limit_ms").notNull(),
    finishedAt: integer("finished_at"),
    finishedBy: text("finished_by", { enum: ["submit", "deadline"] }),
    /** Questions right, questions asked, share right (0–100) and whether it passed: set when it finishes. */
    scoreRight: integer("score_right"),
    scoreTotal: integer("score_total"),
    scorePercent: real("score_percent"),
    passed: integer("passed", { mode: "boolean" }),
  },
  (t) => [
    uniqueIndex("attempts_assessment_user_number").on(t.assessmentId, t.userId, t.number),
    index("attempts_user").on(t.userId, t.status),
    // Open attempts by deadline, for the sweep.
    index("attempts_open_deadline").on(t.deadline).where(sql`${t.status} = 'open'`),
  ],
);

/** The questions of one attempt's form, in order, with the option order it shows; graded at finish. */
export const attemptQuestions = sqliteTable(
  "attempt_questions",
  {
    attemptId: text("attempt_id")
      .notNull()
      .references(() => attempts.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    questionId: text("question_id").notNull(),
    /** JSON array of the options in the order this form shows them; null for a typed answer. */
    optionsJson: text("options_json"),
    /** The learner marked it to come back to. */
    flagged: integer("flagged", { mode: "boolean" }).notNull().default(false),
    verdict: text("verdict", { enum: ["correct", "close", "wrong", "unanswered"] }),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] }), uniqueIndex("attempt_questions_position").on(t.attemptId, t.position)],
);

/**
 * Every answer an attempt kept, one row per (question, sequence number): the
 * question's answer is its counted row with the highest number. A save after
 * the deadline's grace is kept with counted = false: shown to the instructor
 * as "late, not counted", never graded.
 */
export const attemptAnswers = sqliteTable(
  "attempt_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    attemptId: text("attempt_id")
      .notNull()
      .references(() => attempts.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    seq: integer("seq").notNull(),
    response: text("response").notNull(),
    savedAt: integer("saved_at").notNull(),
    counted: integer("counted", { mode: "boolean" }).notNull(),
  },
  (t) => [uniqueIndex("attempt_answers_seq").on(t.attemptId, t.questionId, t.seq)],
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
export type QuestionRevision = typeof questionRevisions.$inferSelect;
export type User = typeof users.$inferSelect;
export type Card = typeof cards.$inferSelect;
export type ReviewLog = typeof reviewLogs.$inferSelect;
export type Showing = typeof showings.$inferSelect;
export type Cohort = typeof cohorts.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Draft = typeof drafts.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;
export type Attempt = typeof attempts.$inferSelect;
