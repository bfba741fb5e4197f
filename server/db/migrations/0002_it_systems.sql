CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"contract_ref" text NOT NULL,
	"supplier_name" text,
	"starts_on" date,
	"ends_on" date,
	"extension_options" text,
	"notice_months" integer,
	"procurement_ref" text,
	"value_per_year" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "contracts_dates_ck" CHECK ("contracts"."starts_on" IS NULL OR "contracts"."ends_on" IS NULL OR "contracts"."starts_on" <= "contracts"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "it_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"lifecycle" text NOT NULL,
	"lifecycle_on" date,
	"owner_unit_id" uuid,
	"owner_person_id" uuid,
	"owner_external_name" text,
	"manager_person_id" uuid,
	"technical_contact_id" uuid,
	"contract_holder_unit_id" uuid,
	"supplier_name" text,
	"hosting" text,
	"user_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approx_users" integer,
	"capabilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cost_licence" double precision,
	"cost_operation" double precision,
	"cost_staff" double precision,
	"confidentiality" integer,
	"integrity" integer,
	"availability" integer,
	"classified_on" date,
	"classified_by" uuid,
	"reclassify_on" date,
	"personal_data" boolean,
	"sensitive_personal_data" boolean,
	"dpa_signed_on" date,
	"dpia_status" text,
	"dpia_on" date,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "it_systems_category_ck" CHECK ("it_systems"."category" IN ('core','support','infrastructure')),
	CONSTRAINT "it_systems_lifecycle_ck" CHECK ("it_systems"."lifecycle" IN ('planned','introducing','operating','phasing_out','phased_out')),
	CONSTRAINT "it_systems_class_ck" CHECK (coalesce("it_systems"."confidentiality", 0) BETWEEN 0 AND 4 AND coalesce("it_systems"."integrity", 0) BETWEEN 0 AND 4 AND coalesce("it_systems"."availability", 0) BETWEEN 0 AND 4)
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_system_id_it_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."it_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "it_systems" ADD CONSTRAINT "it_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "it_systems" ADD CONSTRAINT "it_systems_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "it_systems" ADD CONSTRAINT "it_systems_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "it_systems" ADD CONSTRAINT "it_systems_manager_person_id_persons_id_fk" FOREIGN KEY ("manager_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "it_systems" ADD CONSTRAINT "it_systems_technical_contact_id_persons_id_fk" FOREIGN KEY ("technical_contact_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "it_systems" ADD CONSTRAINT "it_systems_contract_holder_unit_id_org_units_id_fk" FOREIGN KEY ("contract_holder_unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contracts_system_idx" ON "contracts" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "contracts_tenant_end_idx" ON "contracts" USING btree ("tenant_id","ends_on");--> statement-breakpoint
CREATE INDEX "it_systems_tenant_idx" ON "it_systems" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "it_systems_owner_idx" ON "it_systems" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "it_systems_name_trgm_idx" ON "it_systems" USING gin (lower("name") gin_trgm_ops);