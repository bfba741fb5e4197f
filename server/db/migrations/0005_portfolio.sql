CREATE TABLE "benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"measure" text NOT NULL,
	"unit" text,
	"baseline" double precision,
	"target" double precision,
	"target_date" date,
	"owner_person_id" uuid,
	"cadence_months" integer,
	"measurements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "initiative_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"from_phase" text NOT NULL,
	"to_phase" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_person_id" uuid,
	"by_name" text
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"need" text,
	"category" text NOT NULL,
	"work_kind" text DEFAULT 'digitalisation' NOT NULL,
	"phase" text DEFAULT 'idea' NOT NULL,
	"owner_unit_id" uuid,
	"owner_person_id" uuid,
	"affected_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"goal_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"strategic_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"system_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"depends_on_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"prepared_by_forum_id" uuid,
	"decision_id" uuid,
	"routing_exception_decision_id" uuid,
	"start_on" date,
	"end_on" date,
	"lessons_learned" text,
	"investment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"operating_cost_per_year" double precision,
	"payer_unit_id" uuid,
	"cost_split" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resource_need" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "initiatives_phase_ck" CHECK ("initiatives"."phase" IN ('idea','preparation','decided','running','paused','cancelled','closed','in_operation'))
);
--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_transitions" ADD CONSTRAINT "initiative_transitions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_transitions" ADD CONSTRAINT "initiative_transitions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_prepared_by_forum_id_forums_id_fk" FOREIGN KEY ("prepared_by_forum_id") REFERENCES "public"."forums"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_routing_exception_decision_id_decisions_id_fk" FOREIGN KEY ("routing_exception_decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_payer_unit_id_org_units_id_fk" FOREIGN KEY ("payer_unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benefits_initiative_idx" ON "benefits" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_transitions_idx" ON "initiative_transitions" USING btree ("initiative_id","at");--> statement-breakpoint
CREATE INDEX "initiatives_tenant_idx" ON "initiatives" USING btree ("tenant_id","phase");--> statement-breakpoint
CREATE INDEX "initiatives_owner_idx" ON "initiatives" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "initiatives_title_trgm_idx" ON "initiatives" USING gin (lower("title") gin_trgm_ops);