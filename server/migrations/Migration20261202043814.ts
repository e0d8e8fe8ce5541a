import { Migration } from '@mikro-orm/migrations';

export class Migration20261202043814 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "plan_table" add column "inexact_cells" jsonb not null default '[]', add column "footnotes" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan_table" drop column "inexact_cells", drop column "footnotes";`);
  }

}
