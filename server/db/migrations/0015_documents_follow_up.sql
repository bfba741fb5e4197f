ALTER TABLE "steering_documents" ADD COLUMN "follow_up_text" text;--> statement-breakpoint
ALTER TABLE "steering_documents" ADD COLUMN "follow_ups_per_year" integer;