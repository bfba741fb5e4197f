ALTER TABLE "goal_assessments" ALTER COLUMN "justification" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD COLUMN "status" text DEFAULT 'final' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "measures_digitalisation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_status_ck" CHECK ("goal_assessments"."status" IN ('draft','final'));--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_final_justified_ck" CHECK ("goal_assessments"."status" = 'draft' OR coalesce(btrim("goal_assessments"."justification"), '') <> '');--> statement-breakpoint
-- hand-written (issue 16, goals)
-- Existing assessments are final (the status column's default above fills them in).
-- Existing indicators: whether one measures digitalisation is a judgement nobody recorded. The
-- default is false; it is set to true only for an indicator of a goal tagged "digitalisering"
-- whose name says it measures something digital (digital, e-tjänst, automatiser, e-hälsa), so a
-- digitalisation goal followed by telephone waiting times is never counted as measured. The
-- README tells users to review the rest.
UPDATE "indicators" AS i SET "measures_digitalisation" = true
FROM "goals" AS g
WHERE g."id" = i."goal_id"
  AND g."tags" @> '["digitalisering"]'::jsonb
  AND (
    lower(i."name") LIKE '%digital%'
    OR lower(i."name") LIKE '%e-tjänst%'
    OR lower(i."name") LIKE '%etjänst%'
    OR lower(i."name") LIKE '%automatis%'
    OR lower(i."name") LIKE '%e-hälsa%'
  );
