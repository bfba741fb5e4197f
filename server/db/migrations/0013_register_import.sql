CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"columns" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"units" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"people" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "system_problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"field" text NOT NULL,
	"heading" text NOT NULL,
	"row" integer,
	"value" text NOT NULL,
	"reason" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "system_problems_resolution_ck" CHECK ("system_problems"."resolution" IS NULL OR "system_problems"."resolution" IN ('fixed','dismissed'))
);
--> statement-breakpoint
ALTER TABLE "contracts" ALTER COLUMN "contract_ref" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "it_systems" ALTER COLUMN "category" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "it_systems" ALTER COLUMN "lifecycle" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "it_systems" ADD COLUMN "owner_role" text;--> statement-breakpoint
ALTER TABLE "it_systems" ADD COLUMN "cost_total_reported" double precision;--> statement-breakpoint
ALTER TABLE "it_systems" ADD COLUMN "approximate" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "it_systems" ADD COLUMN "dpa_status" text;--> statement-breakpoint
ALTER TABLE "it_systems" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_problems" ADD CONSTRAINT "system_problems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_problems" ADD CONSTRAINT "system_problems_system_id_it_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."it_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_kind_uq" ON "import_mappings" USING btree ("tenant_id","kind");--> statement-breakpoint
CREATE INDEX "system_problems_system_idx" ON "system_problems" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "system_problems_open_idx" ON "system_problems" USING btree ("tenant_id") WHERE "system_problems"."resolved_at" IS NULL;--> statement-breakpoint
ALTER TABLE "it_systems" ADD CONSTRAINT "it_systems_dpa_status_ck" CHECK ("it_systems"."dpa_status" IS NULL OR "it_systems"."dpa_status" IN ('signed','missing','not_needed'));--> statement-breakpoint
UPDATE "it_systems" SET "dpa_status" = 'signed' WHERE "dpa_signed_on" IS NOT NULL;
