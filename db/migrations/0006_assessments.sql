CREATE TABLE `assessment_edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` text NOT NULL,
	`user_id` text NOT NULL,
	`edited_at` integer NOT NULL,
	`changes_json` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_edits_assessment` ON `assessment_edits` (`assessment_id`,`edited_at`);--> statement-breakpoint
CREATE TABLE `assessment_overrides` (
	`assessment_id` text NOT NULL,
	`user_id` text NOT NULL,
	`extra_time_kind` text,
	`extra_time_value` real,
	`later_close_at` integer,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`assessment_id`, `user_id`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `assessment_questions` (
	`assessment_id` text NOT NULL,
	`question_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`type` text NOT NULL,
	`prompt` text NOT NULL,
	`answer` text NOT NULL,
	`accepted_json` text NOT NULL,
	`options_json` text,
	`numeric_json` text,
	`source_sentence` text NOT NULL,
	`explanation` text NOT NULL,
	`sibling_key` text NOT NULL,
	`difficulty` real NOT NULL,
	PRIMARY KEY(`assessment_id`, `question_id`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`cohort_id` text NOT NULL,
	`title` text NOT NULL,
	`blueprint_json` text NOT NULL,
	`allowed_types_json` text NOT NULL,
	`shuffle_options` integer NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`time_limit_minutes` integer NOT NULL,
	`attempts_allowed` integer NOT NULL,
	`review_after_submit` text NOT NULL,
	`review_after_close` text NOT NULL,
	`pass_mark_percent` real NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`frozen_at` integer,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessments_cohort` ON `assessments` (`cohort_id`,`opens_at`);--> statement-breakpoint
CREATE TABLE `attempt_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attempt_id` text NOT NULL,
	`question_id` text NOT NULL,
	`seq` integer NOT NULL,
	`response` text NOT NULL,
	`saved_at` integer NOT NULL,
	`counted` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempt_answers_seq` ON `attempt_answers` (`attempt_id`,`question_id`,`seq`);--> statement-breakpoint
CREATE TABLE `attempt_questions` (
	`attempt_id` text NOT NULL,
	`position` integer NOT NULL,
	`question_id` text NOT NULL,
	`options_json` text,
	`flagged` integer DEFAULT false NOT NULL,
	`verdict` text,
	PRIMARY KEY(`attempt_id`, `question_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempt_questions_position` ON `attempt_questions` (`attempt_id`,`position`);--> statement-breakpoint
CREATE TABLE `attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`user_id` text NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`deadline` integer NOT NULL,
	`limit_ms` integer NOT NULL,
	`base_limit_ms` integer NOT NULL,
	`finished_at` integer,
	`finished_by` text,
	`score_right` integer,
	`score_total` integer,
	`score_percent` real,
	`passed` integer,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_assessment_user_number` ON `attempts` (`assessment_id`,`user_id`,`number`);--> statement-breakpoint
CREATE INDEX `attempts_user` ON `attempts` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `attempts_open_deadline` ON `attempts` (`deadline`) WHERE "attempts"."status" = 'open';--> statement-breakpoint
CREATE TABLE `cohort_accommodations` (
	`cohort_id` text NOT NULL,
	`user_id` text NOT NULL,
	`extra_time_kind` text,
	`extra_time_value` real,
	`later_close_minutes` integer,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`cohort_id`, `user_id`),
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
