CREATE TABLE "host_admins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "host_admins_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "host_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"host_admin_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "persons_login_email_idx";--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "email_domains" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "host_sessions" ADD CONSTRAINT "host_sessions_host_admin_id_host_admins_id_fk" FOREIGN KEY ("host_admin_id") REFERENCES "public"."host_admins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "host_sessions_expires_idx" ON "host_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "persons_email_idx" ON "persons" USING btree ("email");