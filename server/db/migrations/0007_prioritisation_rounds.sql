CREATE TABLE "prioritisation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"forum_id" uuid,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"budget" double precision NOT NULL,
	"hours" double precision NOT NULL,
	"ranking" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_ids" jsonb,
	"decision_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "prioritisation_rounds" ADD CONSTRAINT "prioritisation_rounds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prioritisation_rounds" ADD CONSTRAINT "prioritisation_rounds_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prioritisation_rounds" ADD CONSTRAINT "prioritisation_rounds_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prioritisation_rounds_tenant_idx" ON "prioritisation_rounds" USING btree ("tenant_id","created_at");