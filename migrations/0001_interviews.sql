CREATE TABLE "interview_turns" (
	"interview_id" uuid NOT NULL,
	"turn" integer NOT NULL,
	"speaker" text NOT NULL,
	"phase" text NOT NULL,
	"act" text,
	"text" text NOT NULL,
	"started_at_seconds" double precision NOT NULL,
	"duration_seconds" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_turns_pkey" PRIMARY KEY("interview_id","turn")
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"persona_id" text NOT NULL,
	"persona_title" text NOT NULL,
	"persona_markdown" text NOT NULL,
	"clock" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"evaluation" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview_turns" ADD CONSTRAINT "interview_turns_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interviews_application_id_idx" ON "interviews" USING btree ("application_id");