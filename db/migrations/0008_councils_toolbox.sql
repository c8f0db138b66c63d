CREATE TABLE "council_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_code" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_code" text NOT NULL,
	"user_id" text,
	"display_name" text NOT NULL,
	"college" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"added_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "council_proposals" (
	"council_code" text NOT NULL,
	"proposal_id" uuid NOT NULL,
	"tie" text NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_proposals_council_code_proposal_id_pk" PRIMARY KEY("council_code","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "council_quartiers" (
	"quartier_code" text PRIMARY KEY NOT NULL,
	"council_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"how_to_join" text DEFAULT '' NOT NULL,
	"meeting_pattern" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interpellations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"council_code" text,
	"organisation" text DEFAULT '' NOT NULL,
	"author_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"ambition_number" integer,
	"quartier_code" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_id" text,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toolbox_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"people" text DEFAULT '' NOT NULL,
	"what_worked" text DEFAULT '' NOT NULL,
	"what_did_not" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"public_contact" text DEFAULT '' NOT NULL,
	"steps" text DEFAULT '' NOT NULL,
	"duration_minutes" integer,
	"material" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"themes" text DEFAULT '' NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"quartier_code" text,
	"author_id" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', coalesce(title, '')), 'A') || setweight(to_tsvector('french', coalesce(summary, '') || ' ' || coalesce(themes, '') || ' ' || coalesce(organisation, '')), 'B') || setweight(to_tsvector('french', coalesce(place, '') || ' ' || coalesce(people, '') || ' ' || coalesce(what_worked, '') || ' ' || coalesce(what_did_not, '') || ' ' || coalesce(steps, '') || ' ' || coalesce(material, '') || ' ' || coalesce(audience, '') || ' ' || coalesce(actions, '')), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "toolbox_entry_ambitions" (
	"entry_id" uuid NOT NULL,
	"ambition_number" integer NOT NULL,
	CONSTRAINT "toolbox_entry_ambitions_entry_id_ambition_number_pk" PRIMARY KEY("entry_id","ambition_number")
);
--> statement-breakpoint
CREATE TABLE "toolbox_entry_communes" (
	"entry_id" uuid NOT NULL,
	"commune_slug" text NOT NULL,
	CONSTRAINT "toolbox_entry_communes_entry_id_commune_slug_pk" PRIMARY KEY("entry_id","commune_slug")
);
--> statement-breakpoint
ALTER TABLE "notification_events" ADD COLUMN "interpellation_id" uuid;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_council_code_councils_code_fk" FOREIGN KEY ("council_code") REFERENCES "public"."councils"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_code_councils_code_fk" FOREIGN KEY ("council_code") REFERENCES "public"."councils"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_proposals" ADD CONSTRAINT "council_proposals_council_code_councils_code_fk" FOREIGN KEY ("council_code") REFERENCES "public"."councils"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_proposals" ADD CONSTRAINT "council_proposals_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_proposals" ADD CONSTRAINT "council_proposals_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_quartiers" ADD CONSTRAINT "council_quartiers_quartier_code_quartiers_code_fk" FOREIGN KEY ("quartier_code") REFERENCES "public"."quartiers"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_quartiers" ADD CONSTRAINT "council_quartiers_council_code_councils_code_fk" FOREIGN KEY ("council_code") REFERENCES "public"."councils"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_council_code_councils_code_fk" FOREIGN KEY ("council_code") REFERENCES "public"."councils"("code") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_ambition_number_ambitions_number_fk" FOREIGN KEY ("ambition_number") REFERENCES "public"."ambitions"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_quartier_code_quartiers_code_fk" FOREIGN KEY ("quartier_code") REFERENCES "public"."quartiers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolbox_entries" ADD CONSTRAINT "toolbox_entries_quartier_code_quartiers_code_fk" FOREIGN KEY ("quartier_code") REFERENCES "public"."quartiers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolbox_entries" ADD CONSTRAINT "toolbox_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolbox_entry_ambitions" ADD CONSTRAINT "toolbox_entry_ambitions_entry_id_toolbox_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."toolbox_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolbox_entry_ambitions" ADD CONSTRAINT "toolbox_entry_ambitions_ambition_number_ambitions_number_fk" FOREIGN KEY ("ambition_number") REFERENCES "public"."ambitions"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolbox_entry_communes" ADD CONSTRAINT "toolbox_entry_communes_entry_id_toolbox_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."toolbox_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolbox_entry_communes" ADD CONSTRAINT "toolbox_entry_communes_commune_slug_communes_slug_fk" FOREIGN KEY ("commune_slug") REFERENCES "public"."communes"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_meetings_council_idx" ON "council_meetings" USING btree ("council_code","starts_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "council_members_council_idx" ON "council_members" USING btree ("council_code","college","display_name");--> statement-breakpoint
CREATE UNIQUE INDEX "council_members_current_user_unique" ON "council_members" USING btree ("council_code","user_id") WHERE "council_members"."user_id" is not null and "council_members"."left_at" is null;--> statement-breakpoint
CREATE INDEX "council_members_user_idx" ON "council_members" USING btree ("user_id") WHERE "council_members"."left_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "council_proposals_carried_unique" ON "council_proposals" USING btree ("proposal_id") WHERE "council_proposals"."tie" = 'carried';--> statement-breakpoint
CREATE INDEX "council_proposals_proposal_idx" ON "council_proposals" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "council_quartiers_council_idx" ON "council_quartiers" USING btree ("council_code");--> statement-breakpoint
CREATE INDEX "interpellations_waiting_idx" ON "interpellations" USING btree ("created_at","id") WHERE "interpellations"."answered_at" is null and "interpellations"."hidden_at" is null;--> statement-breakpoint
CREATE INDEX "interpellations_council_idx" ON "interpellations" USING btree ("council_code","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interpellations_author_idx" ON "interpellations" USING btree ("author_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "toolbox_entries_published_idx" ON "toolbox_entries" USING btree ("kind","published_at" DESC NULLS LAST,"id") WHERE "toolbox_entries"."status" = 'published';--> statement-breakpoint
CREATE INDEX "toolbox_entries_search_idx" ON "toolbox_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "toolbox_entries_quartier_idx" ON "toolbox_entries" USING btree ("quartier_code");--> statement-breakpoint
CREATE INDEX "toolbox_entries_drafts_idx" ON "toolbox_entries" USING btree ("updated_at" DESC NULLS LAST) WHERE "toolbox_entries"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "toolbox_entry_ambitions_ambition_idx" ON "toolbox_entry_ambitions" USING btree ("ambition_number");--> statement-breakpoint
CREATE INDEX "toolbox_entry_communes_commune_idx" ON "toolbox_entry_communes" USING btree ("commune_slug");--> statement-breakpoint
ALTER TABLE "notification_events" ADD CONSTRAINT "notification_events_interpellation_id_interpellations_id_fk" FOREIGN KEY ("interpellation_id") REFERENCES "public"."interpellations"("id") ON DELETE cascade ON UPDATE no action;