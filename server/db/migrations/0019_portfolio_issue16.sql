ALTER TABLE "top_lists" DROP CONSTRAINT "top_lists_tenant_id_unique";--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "top_follow_ups" ADD COLUMN "list_id" uuid;--> statement-breakpoint
ALTER TABLE "top_lists" ADD COLUMN "name" text DEFAULT 'De viktigaste initiativen' NOT NULL;--> statement-breakpoint
ALTER TABLE "top_lists" ADD COLUMN "year" integer DEFAULT (extract(year from now()))::integer NOT NULL;--> statement-breakpoint
ALTER TABLE "top_lists" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "top_lists" ADD COLUMN "follow_ups_per_year" integer;--> statement-breakpoint
ALTER TABLE "top_lists" ADD COLUMN "cadence_document_id" uuid;--> statement-breakpoint
ALTER TABLE "top_lists" ADD COLUMN "entry_effects" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "top_lists" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "top_follow_ups" ADD CONSTRAINT "top_follow_ups_list_id_top_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."top_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "top_lists" ADD CONSTRAINT "top_lists_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "top_lists" ADD CONSTRAINT "top_lists_cadence_document_id_steering_documents_id_fk" FOREIGN KEY ("cadence_document_id") REFERENCES "public"."steering_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "top_follow_ups_list_idx" ON "top_follow_ups" USING btree ("list_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "top_lists_name_uq" ON "top_lists" USING btree ("tenant_id","year",lower("name"));--> statement-breakpoint
ALTER TABLE "top_lists" ADD CONSTRAINT "top_lists_follow_ups_ck" CHECK ("top_lists"."follow_ups_per_year" IS NULL OR "top_lists"."follow_ups_per_year" BETWEEN 1 AND 52);--> statement-breakpoint
-- hand-written (issue 16, portfolio)
-- A tenant that recorded follow-ups before it had a list gets the list they followed up.
INSERT INTO "top_lists" ("tenant_id", "created_at", "updated_at")
SELECT f."tenant_id", min(f."created_at"), min(f."created_at")
FROM "top_follow_ups" f
WHERE NOT EXISTS (SELECT 1 FROM "top_lists" l WHERE l."tenant_id" = f."tenant_id")
GROUP BY f."tenant_id";--> statement-breakpoint
-- The one unnamed list of each tenant becomes a named list for the year it was set up.
UPDATE "top_lists" SET
  "year" = extract(year from "created_at")::integer,
  "name" = 'De viktigaste initiativen ' || extract(year from "created_at")::integer;--> statement-breakpoint
-- Its follow-ups are that list's.
UPDATE "top_follow_ups" f SET "list_id" = l."id"
FROM "top_lists" l WHERE l."tenant_id" = f."tenant_id" AND f."list_id" IS NULL;--> statement-breakpoint
-- The earlier statuses judged health (on_track, at_risk, off_track), not whether an entry was
-- pågående, pausad or avslutad: that is not known, so the status is left out ("status saknas")
-- and the earlier judgement is kept in the entry's comment, in words.
UPDATE "top_follow_ups" f SET "entries" = coalesce((
  SELECT jsonb_agg(
    (e.x - 'status') || jsonb_build_object(
      'status', NULL,
      'comment', CASE
        WHEN e.x->>'status' IN ('on_track', 'at_risk', 'off_track') THEN
          'Tidigare bedömning: ' || CASE e.x->>'status'
            WHEN 'on_track' THEN 'enligt plan'
            WHEN 'at_risk' THEN 'risk för avvikelse'
            ELSE 'avviker från plan' END
          || coalesce('. ' || nullif(trim(e.x->>'comment'), ''), '')
        ELSE e.x->'comment' #>> '{}' END)
    ORDER BY e.n)
  FROM jsonb_array_elements(f."entries") WITH ORDINALITY AS e(x, n)
), '[]'::jsonb)
WHERE f."entries" @> '[{}]' AND EXISTS (
  SELECT 1 FROM jsonb_array_elements(f."entries") y
  WHERE y->>'status' IN ('on_track', 'at_risk', 'off_track'));--> statement-breakpoint
ALTER TABLE "top_follow_ups" ALTER COLUMN "list_id" SET NOT NULL;
