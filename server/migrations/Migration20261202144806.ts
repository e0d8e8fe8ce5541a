import { Migration } from '@mikro-orm/migrations';

export class Migration20261202144806 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "removed_table_item" ("id" serial primary key, "table_id" int not null, "axis" varchar(255) not null, "item_id" int not null, "key" varchar(255) not null, "label" text not null, "removed_in_version" int not null);`);
    this.addSql(`create index "removed_table_item_table_id_index" on "removed_table_item" ("table_id");`);
    this.addSql(`alter table "removed_table_item" add constraint "removed_table_item_axis_item_id_unique" unique ("axis", "item_id");`);

    this.addSql(`alter table "removed_table_item" add constraint "removed_table_item_table_id_foreign" foreign key ("table_id") references "plan_table" ("id") on update cascade;`);

    this.addSql(`alter table "plan_table" add column "published_version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "removed_table_item" cascade;`);

    this.addSql(`alter table "plan_table" drop column "published_version";`);
  }

}
