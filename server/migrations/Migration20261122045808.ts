import { Migration } from '@mikro-orm/migrations';

export class Migration20261122045808 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "indicator" add column "aggregation" text check ("aggregation" in ('SUM', 'RATIO', 'NONE')) not null default 'NONE', add column "numerator_id" int null, add column "denominator_id" int null, add column "ratio_scale" varchar(255) null;`);
    this.addSql(`alter table "indicator" add constraint "indicator_numerator_id_foreign" foreign key ("numerator_id") references "indicator" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "indicator" add constraint "indicator_denominator_id_foreign" foreign key ("denominator_id") references "indicator" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "indicator" drop constraint "indicator_numerator_id_foreign";`);
    this.addSql(`alter table "indicator" drop constraint "indicator_denominator_id_foreign";`);

    this.addSql(`alter table "indicator" drop column "aggregation", drop column "numerator_id", drop column "denominator_id", drop column "ratio_scale";`);
  }

}
