CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"proposal_id" uuid,
	"labo_session_id" uuid,
	"title" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"decision" text,
	"public_reasons" text,
	"decided_at" timestamp with time zone,
	"decided_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"text" text NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_key" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_key" text NOT NULL,
	"name" text NOT NULL,
	"institution" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instructing_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructing_partners_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "proposal_followups" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"body_in_charge" text NOT NULL,
	"action_title" text,
	"porteur" text,
	"amount_eur" integer,
	"funders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_reviews" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid,
	"feasibility" text,
	"cost_range" text,
	"existing_means" text DEFAULT '' NOT NULL,
	"public_analysis" text DEFAULT '' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"updated_by_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "answer_kind" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "governance_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_labo_session_id_labo_sessions_id_fk" FOREIGN KEY ("labo_session_id") REFERENCES "public"."labo_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_corrections" ADD CONSTRAINT "decision_corrections_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_corrections" ADD CONSTRAINT "decision_corrections_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_milestones" ADD CONSTRAINT "followup_milestones_proposal_id_proposal_followups_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal_followups"("proposal_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_body_key_governance_bodies_key_fk" FOREIGN KEY ("body_key") REFERENCES "public"."governance_bodies"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_body_key_governance_bodies_key_fk" FOREIGN KEY ("body_key") REFERENCES "public"."governance_bodies"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_followups" ADD CONSTRAINT "proposal_followups_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_reviews" ADD CONSTRAINT "proposal_reviews_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_reviews" ADD CONSTRAINT "proposal_reviews_partner_id_instructing_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."instructing_partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_reviews" ADD CONSTRAINT "proposal_reviews_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_items_proposal_idx" ON "agenda_items" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_meeting_proposal_unique" ON "agenda_items" USING btree ("meeting_id","proposal_id");--> statement-breakpoint
CREATE INDEX "decision_corrections_item_idx" ON "decision_corrections" USING btree ("agenda_item_id","created_at");--> statement-breakpoint
CREATE INDEX "followup_milestones_proposal_idx" ON "followup_milestones" USING btree ("proposal_id","due_on");--> statement-breakpoint
CREATE INDEX "governance_meetings_body_starts_idx" ON "governance_meetings" USING btree ("body_key","starts_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "governance_meetings_status_starts_idx" ON "governance_meetings" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "governance_members_body_idx" ON "governance_members" USING btree ("body_key","position");--> statement-breakpoint
CREATE INDEX "proposal_reviews_partner_idx" ON "proposal_reviews" USING btree ("partner_id");--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_merged_into_id_proposals_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposals_due_idx" ON "proposals" USING btree ("qualified_at","answered_at") WHERE "proposals"."qualified_at" is not null and "proposals"."hidden_at" is null and "proposals"."status" not in ('withdrawn', 'merged');--> statement-breakpoint
CREATE INDEX "proposals_ambition_due_idx" ON "proposals" USING btree ("ambition_number","qualified_at","answered_at") WHERE "proposals"."qualified_at" is not null and "proposals"."hidden_at" is null and "proposals"."status" not in ('withdrawn', 'merged');--> statement-breakpoint
CREATE INDEX "proposals_quartier_due_idx" ON "proposals" USING btree ("quartier_code","qualified_at","answered_at") WHERE "proposals"."qualified_at" is not null and "proposals"."hidden_at" is null and "proposals"."status" not in ('withdrawn', 'merged');