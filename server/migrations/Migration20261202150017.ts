import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150017 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "administrative_unit_parent_id_index" on "administrative_unit" ("parent_id");`);
    this.addSql(`create index "administrative_unit_code_valid_from_id_index" on "administrative_unit" ("code", "valid_from", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "administrative_unit_parent_id_index";`);
    this.addSql(`drop index "administrative_unit_code_valid_from_id_index";`);
  }

}
