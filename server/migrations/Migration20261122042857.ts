import { Migration } from '@mikro-orm/migrations';

export class Migration20261122042857 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "administrative_unit" ("id" serial primary key, "key" varchar(255) not null, "code" varchar(255) not null, "name" varchar(255) not null, "name_en" varchar(255) null, "level" text check ("level" in ('PROVINCE', 'DISTRICT', 'COMMUNE')) not null, "parent_id" int null, "valid_from" date not null, "valid_to" date null);`);
    this.addSql(`alter table "administrative_unit" add constraint "administrative_unit_key_unique" unique ("key");`);
    this.addSql(`create index "administrative_unit_code_index" on "administrative_unit" ("code");`);

    this.addSql(`create table "funding_source" ("id" serial primary key, "key" varchar(255) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "aliases" jsonb not null);`);
    this.addSql(`alter table "funding_source" add constraint "funding_source_key_unique" unique ("key");`);

    this.addSql(`create table "indicator" ("id" serial primary key, "key" varchar(255) not null, "name" text not null, "name_en" text not null, "unit" text check ("unit" in ('PERCENT', 'PERCENTAGE_POINTS', 'HOUSEHOLDS', 'PERSONS', 'WORKERS', 'CHILDREN', 'MODELS', 'HOUSES', 'MILLION_VND', 'COUNT')) not null, "direction" text check ("direction" in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL')) not null, "decimals" int not null default 0);`);
    this.addSql(`alter table "indicator" add constraint "indicator_key_unique" unique ("key");`);

    this.addSql(`create table "period" ("id" serial primary key, "key" varchar(255) not null, "label" varchar(255) not null, "starts_on" date not null, "ends_on" date not null);`);
    this.addSql(`alter table "period" add constraint "period_key_unique" unique ("key");`);

    this.addSql(`create table "program" ("id" serial primary key, "key" varchar(255) not null, "name" varchar(255) not null, "name_en" varchar(255) null);`);
    this.addSql(`alter table "program" add constraint "program_key_unique" unique ("key");`);

    this.addSql(`create table "program_phase" ("id" serial primary key, "program_id" int not null, "key" varchar(255) not null, "name" varchar(255) not null, "starts_on" date not null, "ends_on" date not null, "legal_basis" varchar(255) null);`);
    this.addSql(`alter table "program_phase" add constraint "program_phase_program_id_key_unique" unique ("program_id", "key");`);

    this.addSql(`create table "program_component" ("id" serial primary key, "phase_id" int not null, "key" varchar(255) not null, "level" text check ("level" in ('PROJECT', 'SUB_PROJECT')) not null, "number" varchar(255) not null, "name" text not null, "parent_id" int null, "guidance" text null);`);
    this.addSql(`alter table "program_component" add constraint "program_component_phase_id_key_unique" unique ("phase_id", "key");`);

    this.addSql(`create table "source_document" ("id" serial primary key, "key" varchar(255) not null, "title" text not null, "document_number" varchar(255) null, "issued_on" date null, "issuing_unit_id" int not null, "kind" text check ("kind" in ('PLAN', 'REPORT', 'NEWS')) not null, "file" varchar(255) null);`);
    this.addSql(`alter table "source_document" add constraint "source_document_key_unique" unique ("key");`);

    this.addSql(`create table "plan" ("id" serial primary key, "document_number" varchar(255) not null, "issued_on" date null, "issuing_unit_id" int not null, "phase_id" int not null, "period_start" date not null, "period_end" date not null, "title" text not null, "source_document_id" int null);`);
    this.addSql(`create index "plan_document_number_index" on "plan" ("document_number");`);
    this.addSql(`alter table "plan" add constraint "plan_issuing_unit_id_document_number_unique" unique ("issuing_unit_id", "document_number");`);

    this.addSql(`create table "indicator_value" ("id" serial primary key, "indicator_id" int not null, "unit_id" int not null, "period_id" int not null, "kind" text check ("kind" in ('BASELINE', 'TARGET', 'ACTUAL')) not null, "value" numeric(20,4) not null, "comparator" text check ("comparator" in ('EQ', 'LT', 'LE', 'GT', 'GE', 'APPROX')) not null default 'EQ', "source_document_id" int null, "quote" text null);`);
    this.addSql(`create index "indicator_value_unit_id_indicator_id_period_id_index" on "indicator_value" ("unit_id", "indicator_id", "period_id");`);

    this.addSql(`create table "support_policy" ("id" serial primary key, "key" varchar(255) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "aliases" jsonb not null);`);
    this.addSql(`alter table "support_policy" add constraint "support_policy_key_unique" unique ("key");`);

    this.addSql(`create table "table_template" ("id" serial primary key, "key" varchar(255) not null, "name" varchar(255) not null, "rules" jsonb not null);`);
    this.addSql(`alter table "table_template" add constraint "table_template_key_unique" unique ("key");`);

    this.addSql(`create table "plan_table" ("id" serial primary key, "plan_id" int not null, "title" varchar(255) not null, "caption" text not null, "unit_of_measure" varchar(255) not null, "template_id" int not null, "position" int not null default 0, "version" int not null default 1);`);
    this.addSql(`alter table "plan_table" add constraint "plan_table_plan_id_title_unique" unique ("plan_id", "title");`);

    this.addSql(`create table "table_row" ("id" serial primary key, "table_id" int not null, "key" varchar(255) not null, "position" int not null, "published_number" varchar(255) null, "label" text not null, "level" int not null, "kind" text check ("kind" in ('SECTION', 'ITEM', 'CHILD', 'LABEL', 'GRAND_TOTAL')) not null, "parent_id" int null, "component_id" int null, "support_policy_id" int null, "editable" boolean not null default true, "computed" boolean not null default false);`);
    this.addSql(`alter table "table_row" add constraint "table_row_table_id_key_unique" unique ("table_id", "key");`);

    this.addSql(`create table "table_column" ("id" serial primary key, "table_id" int not null, "key" varchar(255) not null, "label" text not null, "published_number" varchar(255) null, "position" int not null, "type" text check ("type" in ('MONEY', 'COUNT', 'RATE', 'MEASURE')) not null, "scale" int not null default 0, "is_total" boolean not null default false, "funding_source_id" int null, "editable" boolean not null default true);`);
    this.addSql(`alter table "table_column" add constraint "table_column_table_id_key_unique" unique ("table_id", "key");`);

    this.addSql(`create table "table_cell" ("row_id" int not null, "column_id" int not null, "table_id" int not null, "value" numeric(20,4) not null, constraint "table_cell_pkey" primary key ("row_id", "column_id"));`);
    this.addSql(`create index "table_cell_table_id_index" on "table_cell" ("table_id");`);

    this.addSql(`create table "change_set" ("id" serial primary key, "table_id" int not null, "version_before" int not null, "version_after" int not null, "author" varchar(255) not null, "comment" text null, "created_at" timestamptz not null, "idempotency_key" varchar(255) not null, "request_hash" varchar(255) not null, "result" jsonb not null, "content_hash" varchar(255) not null);`);
    this.addSql(`create index "change_set_table_id_index" on "change_set" ("table_id");`);
    this.addSql(`alter table "change_set" add constraint "change_set_table_id_idempotency_key_unique" unique ("table_id", "idempotency_key");`);
    this.addSql(`alter table "change_set" add constraint "change_set_table_id_version_after_unique" unique ("table_id", "version_after");`);

    this.addSql(`create table "cell_change" ("id" serial primary key, "change_set_id" int not null, "table_id" int not null, "version_after" int not null, "row_id" int not null, "column_id" int not null, "old_value" numeric(20,4) null, "new_value" numeric(20,4) null);`);
    this.addSql(`create index "cell_change_change_set_id_index" on "cell_change" ("change_set_id");`);
    this.addSql(`create index "cell_change_table_id_version_after_index" on "cell_change" ("table_id", "version_after");`);
    this.addSql(`create index "cell_change_row_id_column_id_index" on "cell_change" ("row_id", "column_id");`);

    this.addSql(`create table "unit_succession" ("id" serial primary key, "predecessor_id" int not null, "successor_id" int not null, "effective_on" date not null, "kind" text check ("kind" in ('MERGE', 'SPLIT', 'RENAME', 'TRANSFER')) not null, "share" numeric(9,8) null, "note" text null);`);

    this.addSql(`alter table "administrative_unit" add constraint "administrative_unit_parent_id_foreign" foreign key ("parent_id") references "administrative_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "program_phase" add constraint "program_phase_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade;`);

    this.addSql(`alter table "program_component" add constraint "program_component_phase_id_foreign" foreign key ("phase_id") references "program_phase" ("id") on update cascade;`);
    this.addSql(`alter table "program_component" add constraint "program_component_parent_id_foreign" foreign key ("parent_id") references "program_component" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "source_document" add constraint "source_document_issuing_unit_id_foreign" foreign key ("issuing_unit_id") references "administrative_unit" ("id") on update cascade;`);

    this.addSql(`alter table "plan" add constraint "plan_issuing_unit_id_foreign" foreign key ("issuing_unit_id") references "administrative_unit" ("id") on update cascade;`);
    this.addSql(`alter table "plan" add constraint "plan_phase_id_foreign" foreign key ("phase_id") references "program_phase" ("id") on update cascade;`);
    this.addSql(`alter table "plan" add constraint "plan_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "indicator_value" add constraint "indicator_value_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "plan_table" add constraint "plan_table_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade;`);
    this.addSql(`alter table "plan_table" add constraint "plan_table_template_id_foreign" foreign key ("template_id") references "table_template" ("id") on update cascade;`);

    this.addSql(`alter table "table_row" add constraint "table_row_table_id_foreign" foreign key ("table_id") references "plan_table" ("id") on update cascade;`);
    this.addSql(`alter table "table_row" add constraint "table_row_parent_id_foreign" foreign key ("parent_id") references "table_row" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "table_row" add constraint "table_row_component_id_foreign" foreign key ("component_id") references "program_component" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "table_row" add constraint "table_row_support_policy_id_foreign" foreign key ("support_policy_id") references "support_policy" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "table_column" add constraint "table_column_table_id_foreign" foreign key ("table_id") references "plan_table" ("id") on update cascade;`);
    this.addSql(`alter table "table_column" add constraint "table_column_funding_source_id_foreign" foreign key ("funding_source_id") references "funding_source" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "table_cell" add constraint "table_cell_row_id_foreign" foreign key ("row_id") references "table_row" ("id") on update cascade;`);
    this.addSql(`alter table "table_cell" add constraint "table_cell_column_id_foreign" foreign key ("column_id") references "table_column" ("id") on update cascade;`);
    this.addSql(`alter table "table_cell" add constraint "table_cell_table_id_foreign" foreign key ("table_id") references "plan_table" ("id") on update cascade;`);

    this.addSql(`alter table "change_set" add constraint "change_set_table_id_foreign" foreign key ("table_id") references "plan_table" ("id") on update cascade;`);

    this.addSql(`alter table "cell_change" add constraint "cell_change_change_set_id_foreign" foreign key ("change_set_id") references "change_set" ("id") on update cascade;`);
    this.addSql(`alter table "cell_change" add constraint "cell_change_table_id_foreign" foreign key ("table_id") references "plan_table" ("id") on update cascade;`);
    this.addSql(`alter table "cell_change" add constraint "cell_change_row_id_foreign" foreign key ("row_id") references "table_row" ("id") on update cascade;`);
    this.addSql(`alter table "cell_change" add constraint "cell_change_column_id_foreign" foreign key ("column_id") references "table_column" ("id") on update cascade;`);

    this.addSql(`alter table "unit_succession" add constraint "unit_succession_predecessor_id_foreign" foreign key ("predecessor_id") references "administrative_unit" ("id") on update cascade;`);
    this.addSql(`alter table "unit_succession" add constraint "unit_succession_successor_id_foreign" foreign key ("successor_id") references "administrative_unit" ("id") on update cascade;`);
  }

}
