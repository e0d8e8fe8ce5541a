import { Migration } from '@mikro-orm/migrations';

export class Migration20261202042321 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "administrative_unit" add column "search_name" text null, add column "name_type" text null;`);
    this.addSql(`create index "administrative_unit_search_name_index" on "administrative_unit" ("search_name");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "administrative_unit_search_name_index";`);
    this.addSql(`alter table "administrative_unit" drop column "search_name", drop column "name_type";`);
  }

}
