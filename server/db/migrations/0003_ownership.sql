CREATE TABLE "management_object_systems" (
	"tenant_id" uuid NOT NULL,
	"object_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "management_object_systems_object_id_system_id_pk" PRIMARY KEY("object_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "management_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"owning_unit_id" uuid,
	"owner_person_id" uuid,
	"manager_person_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "management_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"object_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"budget" double precision,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_changes" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"adopted_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "management_plans_status_ck" CHECK ("management_plans"."status" IN ('draft','adopted'))
);
--> statement-breakpoint
CREATE TABLE "service_node_systems" (
	"tenant_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "service_node_systems_node_id_system_id_pk" PRIMARY KEY("node_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "service_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"owning_unit_id" uuid,
	"responsible_person_id" uuid,
	"responsible_appointed_by_id" uuid,
	"responsible_appointed_on" date,
	"mandatory" boolean DEFAULT false NOT NULL,
	"duplicate_of_id" uuid,
	"duplicate_approved_by_id" uuid,
	"duplicate_approved_on" date,
	"duplicate_decision_id" uuid,
	"external_users" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "service_nodes_kind_ck" CHECK ("service_nodes"."kind" IN ('coordination_area','service_area','service'))
);
--> statement-breakpoint
CREATE TABLE "system_integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"from_system_id" uuid NOT NULL,
	"to_system_id" uuid NOT NULL,
	"method" text NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "system_integrations_self_ck" CHECK ("system_integrations"."from_system_id" <> "system_integrations"."to_system_id")
);
--> statement-breakpoint
ALTER TABLE "it_systems" ADD COLUMN "owner_appointed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "it_systems" ADD COLUMN "manager_appointed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "management_object_systems" ADD CONSTRAINT "management_object_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_object_systems" ADD CONSTRAINT "management_object_systems_object_id_management_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."management_objects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_object_systems" ADD CONSTRAINT "management_object_systems_system_id_it_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."it_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_objects" ADD CONSTRAINT "management_objects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_objects" ADD CONSTRAINT "management_objects_owning_unit_id_org_units_id_fk" FOREIGN KEY ("owning_unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_objects" ADD CONSTRAINT "management_objects_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_objects" ADD CONSTRAINT "management_objects_manager_person_id_persons_id_fk" FOREIGN KEY ("manager_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_plans" ADD CONSTRAINT "management_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_plans" ADD CONSTRAINT "management_plans_object_id_management_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."management_objects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_node_systems" ADD CONSTRAINT "service_node_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_node_systems" ADD CONSTRAINT "service_node_systems_node_id_service_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."service_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_node_systems" ADD CONSTRAINT "service_node_systems_system_id_it_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."it_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_nodes" ADD CONSTRAINT "service_nodes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_nodes" ADD CONSTRAINT "service_nodes_parent_id_service_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."service_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_nodes" ADD CONSTRAINT "service_nodes_owning_unit_id_org_units_id_fk" FOREIGN KEY ("owning_unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_nodes" ADD CONSTRAINT "service_nodes_responsible_person_id_persons_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_nodes" ADD CONSTRAINT "service_nodes_responsible_appointed_by_id_persons_id_fk" FOREIGN KEY ("responsible_appointed_by_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_nodes" ADD CONSTRAINT "service_nodes_duplicate_of_id_service_nodes_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."service_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_nodes" ADD CONSTRAINT "service_nodes_duplicate_approved_by_id_persons_id_fk" FOREIGN KEY ("duplicate_approved_by_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_integrations" ADD CONSTRAINT "system_integrations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_integrations" ADD CONSTRAINT "system_integrations_from_system_id_it_systems_id_fk" FOREIGN KEY ("from_system_id") REFERENCES "public"."it_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_integrations" ADD CONSTRAINT "system_integrations_to_system_id_it_systems_id_fk" FOREIGN KEY ("to_system_id") REFERENCES "public"."it_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "management_object_systems_system_uq" ON "management_object_systems" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "management_objects_tenant_idx" ON "management_objects" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "management_plans_object_year_uq" ON "management_plans" USING btree ("object_id","year");--> statement-breakpoint
CREATE INDEX "service_node_systems_system_idx" ON "service_node_systems" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "service_nodes_tenant_idx" ON "service_nodes" USING btree ("tenant_id","kind","name");--> statement-breakpoint
CREATE INDEX "service_nodes_parent_idx" ON "service_nodes" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "system_integrations_pair_uq" ON "system_integrations" USING btree ("from_system_id","to_system_id","method");--> statement-breakpoint
CREATE INDEX "system_integrations_to_idx" ON "system_integrations" USING btree ("to_system_id");--> statement-breakpoint
ALTER TABLE "it_systems" ADD CONSTRAINT "it_systems_owner_appointed_by_id_persons_id_fk" FOREIGN KEY ("owner_appointed_by_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "it_systems" ADD CONSTRAINT "it_systems_manager_appointed_by_id_persons_id_fk" FOREIGN KEY ("manager_appointed_by_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;