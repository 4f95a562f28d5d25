CREATE TABLE `draft_files` (
	`draft_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`draft_id`, `position`),
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`title` text NOT NULL,
	`source_names_json` text NOT NULL,
	`source_hash` text NOT NULL,
	`question_key` text NOT NULL,
	`status` text NOT NULL,
	`stage` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`error` text,
	`module_json` text,
	`summary_json` text,
	`published_module_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drafts_owner_created` ON `drafts` (`owner_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `modules` ADD `question_key` text;