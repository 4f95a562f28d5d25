CREATE TABLE `question_revisions` (
	`question_id` text NOT NULL,
	`revision` integer NOT NULL,
	`prompt` text NOT NULL,
	`answer` text NOT NULL,
	`accepted_json` text NOT NULL,
	`options_json` text,
	`numeric_json` text,
	`explanation` text NOT NULL,
	`json_format` integer NOT NULL,
	`editor_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`question_id`, `revision`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`editor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `modules` ADD `learner_questions` text DEFAULT 'quality' NOT NULL;--> statement-breakpoint
ALTER TABLE `modules` ADD `quality_bar` real;--> statement-breakpoint
ALTER TABLE `questions` ADD `curation` text DEFAULT 'generated' NOT NULL;--> statement-breakpoint
ALTER TABLE `questions` ADD `retired_by` text;--> statement-breakpoint
ALTER TABLE `questions` ADD `curated_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `questions` ADD `curated_at` integer;--> statement-breakpoint
ALTER TABLE `questions` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `questions` ADD `json_format` integer DEFAULT 1 NOT NULL;