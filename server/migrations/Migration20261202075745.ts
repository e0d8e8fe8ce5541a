import { Migration } from '@mikro-orm/migrations';

export class Migration20261202075745 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "indicator_value_period_id_unit_id_indicator_id_kind_id_index" on "indicator_value" ("period_id", "unit_id", "indicator_id", "kind", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "indicator_value_period_id_unit_id_indicator_id_kind_id_index";`);
  }

}
