CREATE TABLE "login_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	"last_success_at" timestamp with time zone
);
--> statement-breakpoint
DROP TABLE "login_attempts" CASCADE;
--> statement-breakpoint
CREATE TABLE "tenant_history" (
	"slug" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "tenant_history" ("slug", "created_at") SELECT "slug", "created_at" FROM "tenants" ON CONFLICT DO NOTHING;