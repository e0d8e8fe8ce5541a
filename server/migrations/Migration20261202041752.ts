import { Migration } from '@mikro-orm/migrations';

export class Migration20261202041752 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "report_form" ("id" serial primary key, "title" varchar(255) not null, "period_type" text check ("period_type" in ('YEAR', 'HALF_YEAR', 'QUARTER', 'MONTH')) not null, "reporting_level" text check ("reporting_level" in ('PROVINCE', 'DISTRICT', 'COMMUNE')) not null, "created_by_id" int not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "report_form" add constraint "report_form_title_unique" unique ("title");`);

    this.addSql(`create table "report_form_version" ("id" serial primary key, "form_id" int not null, "number" int not null, "template_id" int not null, "source_table_id" int not null, "structure" jsonb not null, "structure_hash" varchar(255) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "report_form_version" add constraint "report_form_version_form_id_number_unique" unique ("form_id", "number");`);

    this.addSql(`create table "reporting_round" ("id" serial primary key, "form_id" int not null, "form_version_id" int not null, "period_key" varchar(255) not null, "period_start" date not null, "period_end" date not null, "scope_unit_id" int null, "scope_key" varchar(255) not null, "deadline" date not null, "opened_by_id" int not null, "opened_at" timestamptz not null);`);
    this.addSql(`alter table "reporting_round" add constraint "reporting_round_form_id_period_key_scope_key_unique" unique ("form_id", "period_key", "scope_key");`);

    this.addSql(`create table "report_instance" ("id" serial primary key, "round_id" int not null, "unit_id" int not null, "table_id" int not null, "consolidating" boolean not null default false);`);
    this.addSql(`alter table "report_instance" add constraint "report_instance_table_id_unique" unique ("table_id");`);
    this.addSql(`alter table "report_instance" add constraint "report_instance_round_id_unit_id_unique" unique ("round_id", "unit_id");`);

    this.addSql(`alter table "report_form" add constraint "report_form_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "report_form_version" add constraint "report_form_version_form_id_foreign" foreign key ("form_id") references "report_form" ("id") on update cascade;`);
    this.addSql(`alter table "report_form_version" add constraint "report_form_version_template_id_foreign" foreign key ("template_id") references "table_template" ("id") on update cascade;`);
    this.addSql(`alter table "report_form_version" add constraint "report_form_version_source_table_id_foreign" foreign key ("source_table_id") references "plan_table" ("id") on update cascade;`);

    this.addSql(`alter table "reporting_round" add constraint "reporting_round_form_id_foreign" foreign key ("form_id") references "report_form" ("id") on update cascade;`);
    this.addSql(`alter table "reporting_round" add constraint "reporting_round_form_version_id_foreign" foreign key ("form_version_id") references "report_form_version" ("id") on update cascade;`);
    this.addSql(`alter table "reporting_round" add constraint "reporting_round_scope_unit_id_foreign" foreign key ("scope_unit_id") references "administrative_unit" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "reporting_round" add constraint "reporting_round_opened_by_id_foreign" foreign key ("opened_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "report_instance" add constraint "report_instance_round_id_foreign" foreign key ("round_id") references "reporting_round" ("id") on update cascade;`);
    this.addSql(`alter table "report_instance" add constraint "report_instance_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade;`);
    this.addSql(`alter table "report_instance" add constraint "report_instance_table_id_foreign" foreign key ("table_id") references "plan_table" ("id") on update cascade;`);

    this.addSql(`alter table "workflow_event" add column "pending_below_reason" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "report_form_version" drop constraint "report_form_version_form_id_foreign";`);

    this.addSql(`alter table "reporting_round" drop constraint "reporting_round_form_id_foreign";`);

    this.addSql(`alter table "reporting_round" drop constraint "reporting_round_form_version_id_foreign";`);

    this.addSql(`alter table "report_instance" drop constraint "report_instance_round_id_foreign";`);

    this.addSql(`drop table if exists "report_form" cascade;`);

    this.addSql(`drop table if exists "report_form_version" cascade;`);

    this.addSql(`drop table if exists "reporting_round" cascade;`);

    this.addSql(`drop table if exists "report_instance" cascade;`);

    this.addSql(`alter table "workflow_event" drop column "pending_below_reason";`);
  }

}
