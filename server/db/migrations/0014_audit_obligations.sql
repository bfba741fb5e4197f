DROP INDEX "audit_replies_audit_body_uq";--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "report_back_meeting_body_id" uuid;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "report_back_meeting_month" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "state" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "adopted_by_decision_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_questions" ADD COLUMN "checks_recommendation_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_replies" ADD COLUMN "answers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_replies" ADD COLUMN "answered_questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "presidia_consulted" boolean;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "assigned_on" date;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "letter_date" date;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_report_back_meeting_body_id_org_units_id_fk" FOREIGN KEY ("report_back_meeting_body_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_adopted_by_decision_id_decisions_id_fk" FOREIGN KEY ("adopted_by_decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_replies_audit_body_idx" ON "audit_replies" USING btree ("audit_id","body_id");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_state_ck" CHECK ("assignments"."state" IN ('proposed','active'));--> statement-breakpoint
-- A reply received before replies named what they answer answered every recommendation the
-- audit addressed to its body: that is what the earlier model recorded.
UPDATE "audit_replies" y SET "answers" = coalesce((
  SELECT jsonb_agg(jsonb_build_object('recommendationId', r."id") ORDER BY r."sort_key")
  FROM "recommendations" r
  WHERE r."audit_id" = y."audit_id" AND r."addressee_body_ids" ? y."body_id"::text
), '[]'::jsonb)
WHERE y."received_on" IS NOT NULL;--> statement-breakpoint
-- The auditors' questions to a body were one text: it becomes question 1 of the list.
UPDATE "audits" a SET "remittances" = (
  SELECT jsonb_agg(CASE
    WHEN jsonb_typeof(x.r->'questions') = 'string' AND length(trim(x.r->>'questions')) > 0
      THEN jsonb_set(x.r, '{questions}',
        jsonb_build_array(jsonb_build_object('number', '1', 'text', trim(x.r->>'questions'))))
    WHEN jsonb_typeof(x.r->'questions') = 'array' THEN x.r
    ELSE jsonb_set(x.r, '{questions}', '[]'::jsonb)
  END ORDER BY x.n)
  FROM jsonb_array_elements(a."remittances") WITH ORDINALITY AS x(r, n)
)
WHERE jsonb_array_length(a."remittances") > 0;
