ALTER TABLE `courses` ADD `owner_id` text REFERENCES users(id);--> statement-breakpoint
CREATE UNIQUE INDEX `courses_owner_slug` ON `courses` (`owner_id`,`slug`);--> statement-breakpoint
ALTER TABLE `modules` ADD `owner_id` text REFERENCES users(id);