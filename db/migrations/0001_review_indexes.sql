DROP INDEX `showings_user_shown`;--> statement-breakpoint
CREATE INDEX `showings_user_card` ON `showings` (`user_id`,`card_id`);--> statement-breakpoint
CREATE INDEX `cards_user_state_module` ON `cards` (`user_id`,`state`,`module_id`,`id`);