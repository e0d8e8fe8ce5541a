import { Migration } from '@mikro-orm/migrations';

export class Migration20261122074721 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "indicator" add column "balance" jsonb null;`);

    this.addSql(`alter table "plan_table" add column "kind" text check ("kind" in ('APPENDIX', 'INDICATOR_VALUES')) not null default 'APPENDIX', add column "rules" jsonb not null default '[]';`);

    this.addSql(`alter table "table_row" add column "unit_id" int null;`);
    this.addSql(`alter table "table_row" add constraint "table_row_unit_id_foreign" foreign key ("unit_id") references "administrative_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "table_column" add column "indicator_id" int null, add column "value_kind" text check ("value_kind" in ('BASELINE', 'TARGET', 'ACTUAL')) null, add column "period_id" int null;`);
    this.addSql(`alter table "table_column" add constraint "table_column_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "table_column" add constraint "table_column_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "indicator_value" add column "source_table_id" int null;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_source_table_id_foreign" foreign key ("source_table_id") references "plan_table" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_source_table_id_foreign";`);

    this.addSql(`alter table "table_row" drop constraint "table_row_unit_id_foreign";`);

    this.addSql(`alter table "table_column" drop constraint "table_column_indicator_id_foreign";`);
    this.addSql(`alter table "table_column" drop constraint "table_column_period_id_foreign";`);

    this.addSql(`alter table "indicator" drop column "balance";`);

    this.addSql(`alter table "indicator_value" drop column "source_table_id";`);

    this.addSql(`alter table "plan_table" drop column "kind", drop column "rules";`);

    this.addSql(`alter table "table_row" drop column "unit_id";`);

    this.addSql(`alter table "table_column" drop column "indicator_id", drop column "value_kind", drop column "period_id";`);
  }

}
