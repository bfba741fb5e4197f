CREATE TABLE "document_goals" (
	"document_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "document_goals_document_id_goal_id_pk" PRIMARY KEY("document_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"label" text NOT NULL,
	"note" text,
	"attachment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "steering_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"state" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"owner_person_id" uuid,
	"adopted_by_unit_id" uuid,
	"adoption_decision_id" uuid,
	"adoption_level" text DEFAULT 'unknown' NOT NULL,
	"adopted_on" date,
	"valid_from" date,
	"valid_to" date,
	"review_on" date,
	"superseded_by_id" uuid,
	"description" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "steering_documents_state_ck" CHECK ("steering_documents"."state" IN ('draft','consultation','adopted','not_adopted','repealed')),
	CONSTRAINT "steering_documents_level_ck" CHECK ("steering_documents"."adoption_level" IN ('assembly','board','official','unknown')),
	CONSTRAINT "steering_documents_not_self_ck" CHECK ("steering_documents"."superseded_by_id" IS NULL OR "steering_documents"."superseded_by_id" <> "steering_documents"."id")
);
--> statement-breakpoint
CREATE TABLE "goal_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"assessment" text NOT NULL,
	"suggested" text,
	"justification" text NOT NULL,
	"override_reason" text,
	"indicator_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "goal_assessments_value_ck" CHECK ("goal_assessments"."assessment" IN ('met','partly','notMet'))
);
--> statement-breakpoint
CREATE TABLE "goal_parents" (
	"goal_id" uuid NOT NULL,
	"parent_goal_id" uuid NOT NULL,
	CONSTRAINT "goal_parents_goal_id_parent_goal_id_pk" PRIMARY KEY("goal_id","parent_goal_id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"level" text NOT NULL,
	"form" text DEFAULT 'goal' NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"text" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"adopted_by_decision_id" uuid,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"succeeds_goal_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "goals_level_ck" CHECK ("goals"."level" IN ('impact','result','sub')),
	CONSTRAINT "goals_form_ck" CHECK ("goals"."form" IN ('goal','focus_area','strategic_plan')),
	CONSTRAINT "goals_valid_ck" CHECK ("goals"."valid_to" IS NULL OR "goals"."valid_from" <= "goals"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"unit" text,
	"direction" text,
	"baseline" double precision,
	"baseline_on" date,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scale" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data_source" text,
	"data_source_text" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "indicators_kind_ck" CHECK ("indicators"."kind" IN ('quantitative','qualitative'))
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"unit_id" uuid,
	"value" double precision,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "outcomes_unique" UNIQUE NULLS NOT DISTINCT("indicator_id","period_key","unit_id")
);
--> statement-breakpoint
ALTER TABLE "document_goals" ADD CONSTRAINT "document_goals_document_id_steering_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."steering_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_goals" ADD CONSTRAINT "document_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_steering_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."steering_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_documents" ADD CONSTRAINT "steering_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_documents" ADD CONSTRAINT "steering_documents_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_documents" ADD CONSTRAINT "steering_documents_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_documents" ADD CONSTRAINT "steering_documents_adopted_by_unit_id_org_units_id_fk" FOREIGN KEY ("adopted_by_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_assessments" ADD CONSTRAINT "goal_assessments_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_parents" ADD CONSTRAINT "goal_parents_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_parents" ADD CONSTRAINT "goal_parents_parent_goal_id_goals_id_fk" FOREIGN KEY ("parent_goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_goals_goal_idx" ON "document_goals" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "document_versions_document_idx" ON "document_versions" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "steering_documents_tenant_idx" ON "steering_documents" USING btree ("tenant_id","type");--> statement-breakpoint
CREATE INDEX "steering_documents_title_trgm_idx" ON "steering_documents" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "goal_assessments_unique_idx" ON "goal_assessments" USING btree ("goal_id","period_key");--> statement-breakpoint
CREATE INDEX "goal_parents_parent_idx" ON "goal_parents" USING btree ("parent_goal_id");--> statement-breakpoint
CREATE INDEX "goals_tenant_owner_idx" ON "goals" USING btree ("tenant_id","owner_unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "goals_succeeds_idx" ON "goals" USING btree ("succeeds_goal_id");--> statement-breakpoint
CREATE INDEX "indicators_goal_idx" ON "indicators" USING btree ("goal_id");