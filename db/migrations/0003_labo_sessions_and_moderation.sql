CREATE TABLE "labo_ateliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"facilitator_name" text
);
--> statement-breakpoint
CREATE TABLE "labo_captures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"atelier_id" uuid,
	"kind" text NOT NULL,
	"ambition_number" integer,
	"quartier_code" text,
	"body" text NOT NULL,
	"participant_name" text,
	"participant_contact" text,
	"consent_at" timestamp with time zone,
	"captured_by_id" text,
	"in_minutes" boolean DEFAULT true NOT NULL,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labo_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" text,
	"name" text,
	"email" text,
	"phone" text,
	"consent_at" timestamp with time zone,
	"source" text DEFAULT 'online' NOT NULL,
	"status" text NOT NULL,
	"is_newcomer" boolean DEFAULT false NOT NULL,
	"cancel_token_hash" text,
	"locale" text DEFAULT 'fr' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labo_registrations_cancel_token_hash_unique" UNIQUE("cancel_token_hash")
);
--> statement-breakpoint
CREATE TABLE "labo_session_ambitions" (
	"session_id" uuid NOT NULL,
	"ambition_number" integer NOT NULL,
	CONSTRAINT "labo_session_ambitions_session_id_ambition_number_pk" PRIMARY KEY("session_id","ambition_number")
);
--> statement-breakpoint
CREATE TABLE "labo_session_animators" (
	"session_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "labo_session_animators_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "charter_acceptances" (
	"user_id" text NOT NULL,
	"version" integer NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charter_acceptances_unique" UNIQUE("user_id","version")
);
--> statement-breakpoint
CREATE TABLE "moderation_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"author_id" text,
	"quartier_code" text,
	"trigger" text DEFAULT 'reports' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"report_count" integer DEFAULT 0 NOT NULL,
	"reports_since_decision" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"auto_hidden_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_id" text,
	"hide_reason" text,
	"decision_note" text,
	"contested_at" timestamp with time zone,
	"contest_text" text,
	"contest_decided_at" timestamp with time zone,
	"contest_decided_by_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_cases_subject_unique" UNIQUE("subject_type","subject_id")
);
--> statement-breakpoint
CREATE TABLE "moderation_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"case_id" uuid,
	"moderator_id" text,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"reporter_id" text,
	"reason" text NOT NULL,
	"details" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reporter_notified_at" timestamp with time zone,
	CONSTRAINT "reports_one_per_person" UNIQUE("subject_type","subject_id","reporter_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "charter_version" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "charter_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "suspended_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "profile_hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "theme" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "place_address" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "access_info" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "accessibility_info" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "newcomers" integer;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "created_by_id" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "announced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "minutes_summary" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "minutes_decisions" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "minutes_opinions" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "minutes_follow_ups" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "minutes_author_id" text;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "minutes_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "personal_data_purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "origin_capture_id" uuid;--> statement-breakpoint
ALTER TABLE "labo_ateliers" ADD CONSTRAINT "labo_ateliers_session_id_labo_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."labo_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_captures" ADD CONSTRAINT "labo_captures_session_id_labo_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."labo_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_captures" ADD CONSTRAINT "labo_captures_atelier_id_labo_ateliers_id_fk" FOREIGN KEY ("atelier_id") REFERENCES "public"."labo_ateliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_captures" ADD CONSTRAINT "labo_captures_ambition_number_ambitions_number_fk" FOREIGN KEY ("ambition_number") REFERENCES "public"."ambitions"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_captures" ADD CONSTRAINT "labo_captures_quartier_code_quartiers_code_fk" FOREIGN KEY ("quartier_code") REFERENCES "public"."quartiers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_captures" ADD CONSTRAINT "labo_captures_captured_by_id_users_id_fk" FOREIGN KEY ("captured_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_registrations" ADD CONSTRAINT "labo_registrations_session_id_labo_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."labo_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_registrations" ADD CONSTRAINT "labo_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_session_ambitions" ADD CONSTRAINT "labo_session_ambitions_session_id_labo_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."labo_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_session_ambitions" ADD CONSTRAINT "labo_session_ambitions_ambition_number_ambitions_number_fk" FOREIGN KEY ("ambition_number") REFERENCES "public"."ambitions"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_session_animators" ADD CONSTRAINT "labo_session_animators_session_id_labo_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."labo_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_session_animators" ADD CONSTRAINT "labo_session_animators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_acceptances" ADD CONSTRAINT "charter_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_quartier_code_quartiers_code_fk" FOREIGN KEY ("quartier_code") REFERENCES "public"."quartiers"("code") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_contest_decided_by_id_users_id_fk" FOREIGN KEY ("contest_decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_warnings" ADD CONSTRAINT "moderation_warnings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_warnings" ADD CONSTRAINT "moderation_warnings_case_id_moderation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."moderation_cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_warnings" ADD CONSTRAINT "moderation_warnings_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD CONSTRAINT "platform_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_case_id_moderation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."moderation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "labo_ateliers_session_idx" ON "labo_ateliers" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "labo_captures_client_unique" ON "labo_captures" USING btree ("session_id","client_id");--> statement-breakpoint
CREATE INDEX "labo_captures_session_idx" ON "labo_captures" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "labo_registrations_session_idx" ON "labo_registrations" USING btree ("session_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "labo_registrations_user_unique" ON "labo_registrations" USING btree ("session_id","user_id") WHERE "labo_registrations"."user_id" is not null and "labo_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "labo_registrations_email_unique" ON "labo_registrations" USING btree ("session_id",lower("email")) WHERE "labo_registrations"."email" is not null and "labo_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "labo_registrations_user_idx" ON "labo_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "labo_session_ambitions_ambition_idx" ON "labo_session_ambitions" USING btree ("ambition_number","session_id");--> statement-breakpoint
CREATE INDEX "labo_session_animators_user_idx" ON "labo_session_animators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "moderation_cases_queue_idx" ON "moderation_cases" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "moderation_cases_author_idx" ON "moderation_cases" USING btree ("author_id","opened_at");--> statement-breakpoint
CREATE INDEX "moderation_cases_decided_idx" ON "moderation_cases" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "moderation_warnings_user_idx" ON "moderation_warnings" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_case_idx" ON "reports" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_id","created_at");--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD CONSTRAINT "labo_sessions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD CONSTRAINT "labo_sessions_minutes_author_id_users_id_fk" FOREIGN KEY ("minutes_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_origin_capture_id_labo_captures_id_fk" FOREIGN KEY ("origin_capture_id") REFERENCES "public"."labo_captures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "labo_sessions_commune_starts_idx" ON "labo_sessions" USING btree ("commune_slug","starts_at");--> statement-breakpoint
CREATE INDEX "labo_sessions_status_starts_idx" ON "labo_sessions" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "proposals_origin_session_idx" ON "proposals" USING btree ("origin_labo_session_id");