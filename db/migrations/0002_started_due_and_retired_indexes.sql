DROP INDEX `cards_user_due`;--> statement-breakpoint
CREATE INDEX `cards_user_started_due` ON `cards` (`user_id`,`due`) WHERE "cards"."state" <> 0;--> statement-breakpoint
CREATE INDEX `questions_retired` ON `questions` (`id`) WHERE "questions"."status" = 'retired';