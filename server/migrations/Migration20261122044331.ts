import { Migration } from '@mikro-orm/migrations';

export class Migration20261122044331 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "app_user" ("id" serial primary key, "login" varchar(255) not null, "display_name" varchar(255) not null, "password_hash" varchar(255) not null, "failed_sign_ins" int not null default 0, "locked_until" timestamptz null, "disabled" boolean not null default false, "created_at" timestamptz not null);`);
    this.addSql(`alter table "app_user" add constraint "app_user_login_unique" unique ("login");`);

    this.addSql(`create table "role_assignment" ("id" serial primary key, "user_id" int not null, "unit_id" int null, "role" text check ("role" in ('VIEWER', 'EDITOR', 'APPROVER', 'ADMINISTRATOR')) not null);`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_unit_id_role_unique" unique ("user_id", "unit_id", "role");`);

    this.addSql(`create table "access_token" ("id" serial primary key, "user_id" int not null, "kind" text check ("kind" in ('ACCESS', 'REFRESH', 'PERSONAL')) not null, "name" varchar(255) null, "token_hash" varchar(255) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null);`);
    this.addSql(`create index "access_token_user_id_index" on "access_token" ("user_id");`);
    this.addSql(`alter table "access_token" add constraint "access_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "workflow_event" ("id" serial primary key, "table_id" int not null, "from_status" text check ("from_status" in ('DRAFT', 'SUBMITTED', 'APPROVED')) not null, "to_status" text check ("to_status" in ('DRAFT', 'SUBMITTED', 'APPROVED')) not null, "actor_id" int not null, "comment" text null, "at" timestamptz not null);`);
    this.addSql(`create index "workflow_event_table_id_index" on "workflow_event" ("table_id");`);

    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "access_token" add constraint "access_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "workflow_event" add constraint "workflow_event_table_id_foreign" foreign key ("table_id") references "plan_table" ("id") on update cascade;`);
    this.addSql(`alter table "workflow_event" add constraint "workflow_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "period" add column "report_deadline" date null;`);

    this.addSql(`alter table "plan_table" add column "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'APPROVED')) not null default 'DRAFT', add column "reporting_period_id" int null;`);
    this.addSql(`alter table "plan_table" add constraint "plan_table_reporting_period_id_foreign" foreign key ("reporting_period_id") references "period" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_user_id_foreign";`);

    this.addSql(`alter table "access_token" drop constraint "access_token_user_id_foreign";`);

    this.addSql(`alter table "workflow_event" drop constraint "workflow_event_actor_id_foreign";`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "role_assignment" cascade;`);

    this.addSql(`drop table if exists "access_token" cascade;`);

    this.addSql(`drop table if exists "workflow_event" cascade;`);

    this.addSql(`alter table "plan_table" drop constraint "plan_table_reporting_period_id_foreign";`);

    this.addSql(`alter table "period" drop column "report_deadline";`);

    this.addSql(`alter table "plan_table" drop column "status", drop column "reporting_period_id";`);
  }

}
