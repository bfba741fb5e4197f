ALTER TABLE "decisions" DROP CONSTRAINT "decisions_decider_ck";--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "date_precision" text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "decided_by_title" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "decided_by_person_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "subjects" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "level" text;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "lifecycle" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_person_id_persons_id_fk" FOREIGN KEY ("decided_by_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decisions_subjects_idx" ON "decisions" USING gin ("subjects");--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_date_precision_ck" CHECK ("decisions"."date_precision" IN ('day','month','unknown'));--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decider_ck" CHECK ("decisions"."body_unit_id" IS NOT NULL OR "decisions"."forum_id" IS NOT NULL OR "decisions"."decided_by_title" IS NOT NULL OR "decisions"."decided_by_person_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_level_ck" CHECK ("forums"."level" IS NULL OR "forums"."level" IN ('political','official','mixed'));--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_lifecycle_ck" CHECK ("forums"."lifecycle" IN ('planned','under_establishment','active','discontinued'));--> statement-breakpoint
-- hand-written (issue 16, organization)
-- A decision recorded without a date has an unknown date ("framgår ej"), never an invented day.
UPDATE "decisions" SET "date_precision" = 'unknown' WHERE "decided_on" IS NULL;--> statement-breakpoint
-- Existing forums get the stage their dates and decisions imply (domain impliedLifecycle).
UPDATE "forums" SET "lifecycle" = CASE
  WHEN "discontinued_on" IS NOT NULL OR "discontinued_decision_id" IS NOT NULL THEN 'discontinued'
  WHEN "established_on" > current_date AND "established_decision_id" IS NOT NULL THEN 'under_establishment'
  WHEN "established_on" > current_date THEN 'planned'
  ELSE 'active'
END;
