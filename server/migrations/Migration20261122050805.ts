import { Migration } from '@mikro-orm/migrations';

export class Migration20261122050805 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "cell_change" drop constraint "cell_change_table_id_foreign";`);
    this.addSql(`alter table "cell_change" drop constraint "cell_change_row_id_foreign";`);
    this.addSql(`alter table "cell_change" drop constraint "cell_change_column_id_foreign";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cell_change" add constraint "cell_change_table_id_foreign" foreign key ("table_id") references "plan_table" ("id") on update cascade;`);
    this.addSql(`alter table "cell_change" add constraint "cell_change_row_id_foreign" foreign key ("row_id") references "table_row" ("id") on update cascade;`);
    this.addSql(`alter table "cell_change" add constraint "cell_change_column_id_foreign" foreign key ("column_id") references "table_column" ("id") on update cascade;`);
  }

}
