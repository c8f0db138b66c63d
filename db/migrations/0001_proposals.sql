CREATE TABLE "contribution_useful_marks" (
	"contribution_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_useful_marks_contribution_id_user_id_pk" PRIMARY KEY("contribution_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"author_id" text,
	"parent_id" uuid,
	"stance" text,
	"body" text NOT NULL,
	"useful_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"hidden_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proposal_ambitions" (
	"proposal_id" uuid NOT NULL,
	"ambition_number" integer NOT NULL,
	CONSTRAINT "proposal_ambitions_proposal_id_ambition_number_pk" PRIMARY KEY("proposal_id","ambition_number")
);
--> statement-breakpoint
CREATE TABLE "proposal_axes" (
	"proposal_id" uuid NOT NULL,
	"axis_key" text NOT NULL,
	CONSTRAINT "proposal_axes_proposal_id_axis_key_pk" PRIMARY KEY("proposal_id","axis_key")
);
--> statement-breakpoint
CREATE TABLE "proposal_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" text,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_follows" (
	"proposal_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_follows_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"ambition_number" integer NOT NULL,
	"quartier_code" text,
	"commune_slug" text,
	"place_description" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"decision" text,
	"origin" text DEFAULT 'resident' NOT NULL,
	"origin_labo_session_id" uuid,
	"origin_quartier_code" text,
	"support_count" integer DEFAULT 0 NOT NULL,
	"contribution_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"qualified_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', coalesce(title, '')), 'A') || setweight(to_tsvector('french', coalesce(body, '')), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "supports" (
	"proposal_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supports_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "contribution_useful_marks" ADD CONSTRAINT "contribution_useful_marks_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_useful_marks" ADD CONSTRAINT "contribution_useful_marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_parent_id_contributions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_ambitions" ADD CONSTRAINT "proposal_ambitions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_ambitions" ADD CONSTRAINT "proposal_ambitions_ambition_number_ambitions_number_fk" FOREIGN KEY ("ambition_number") REFERENCES "public"."ambitions"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_axes" ADD CONSTRAINT "proposal_axes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_axes" ADD CONSTRAINT "proposal_axes_axis_key_transversal_axes_key_fk" FOREIGN KEY ("axis_key") REFERENCES "public"."transversal_axes"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_follows" ADD CONSTRAINT "proposal_follows_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_follows" ADD CONSTRAINT "proposal_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_ambition_number_ambitions_number_fk" FOREIGN KEY ("ambition_number") REFERENCES "public"."ambitions"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_quartier_code_quartiers_code_fk" FOREIGN KEY ("quartier_code") REFERENCES "public"."quartiers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_commune_slug_communes_slug_fk" FOREIGN KEY ("commune_slug") REFERENCES "public"."communes"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_origin_labo_session_id_labo_sessions_id_fk" FOREIGN KEY ("origin_labo_session_id") REFERENCES "public"."labo_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_origin_quartier_code_quartiers_code_fk" FOREIGN KEY ("origin_quartier_code") REFERENCES "public"."quartiers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supports" ADD CONSTRAINT "supports_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supports" ADD CONSTRAINT "supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contributions_proposal_idx" ON "contributions" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "contributions_proposal_useful_idx" ON "contributions" USING btree ("proposal_id","useful_count" DESC NULLS LAST,"created_at");--> statement-breakpoint
CREATE INDEX "contributions_parent_idx" ON "contributions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "contributions_author_idx" ON "contributions" USING btree ("author_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposal_ambitions_ambition_idx" ON "proposal_ambitions" USING btree ("ambition_number");--> statement-breakpoint
CREATE INDEX "proposal_events_proposal_idx" ON "proposal_events" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "proposal_follows_user_idx" ON "proposal_follows" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_recent_idx" ON "proposals" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_ambition_recent_idx" ON "proposals" USING btree ("ambition_number","published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_quartier_recent_idx" ON "proposals" USING btree ("quartier_code","published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_commune_recent_idx" ON "proposals" USING btree ("commune_slug","published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_supported_idx" ON "proposals" USING btree ("support_count" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_ambition_supported_idx" ON "proposals" USING btree ("ambition_number","support_count" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_discussed_idx" ON "proposals" USING btree ("contribution_count" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_status_idx" ON "proposals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "proposals_author_idx" ON "proposals" USING btree ("author_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_search_idx" ON "proposals" USING gin ("search");--> statement-breakpoint
CREATE INDEX "supports_user_idx" ON "supports" USING btree ("user_id","created_at" DESC NULLS LAST);