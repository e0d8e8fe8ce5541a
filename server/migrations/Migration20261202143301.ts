import { Migration } from '@mikro-orm/migrations';

export class Migration20261202143301 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "unit_graph_version" ("id" int not null, "version" bigint not null, constraint "unit_graph_version_pkey" primary key ("id"));`);

    this.addSql(`create index "indicator_value_roll_up" on "indicator_value" ("indicator_id", "kind", "period_id", "unit_id", "id") include ("value", "comparator");`);

    // Every statement that writes units or successions gives the graph a new version. From a sequence, which a
    // rollback does not take back: a version once seen never names another state of the units.
    this.addSql(`create sequence "unit_graph_version_seq";`);
    this.addSql(`insert into "unit_graph_version" ("id", "version") values (1, nextval('unit_graph_version_seq'));`);
    this.addSql(`create function "unit_graph_changed"() returns trigger language plpgsql as $$
      begin
        update "unit_graph_version" set "version" = nextval('unit_graph_version_seq') where "id" = 1;
        return null;
      end $$;`);
    for (const table of ['administrative_unit', 'unit_succession']) {
      this.addSql(`create trigger "${table}_graph_changed" after insert or update or delete or truncate on "${table}" for each statement execute function "unit_graph_changed"();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['administrative_unit', 'unit_succession']) this.addSql(`drop trigger "${table}_graph_changed" on "${table}";`);
    this.addSql(`drop function "unit_graph_changed"();`);
    this.addSql(`drop sequence "unit_graph_version_seq";`);

    this.addSql(`drop table if exists "unit_graph_version" cascade;`);

    this.addSql(`drop index "indicator_value_roll_up";`);
  }

}
