import { Migration } from '@mikro-orm/migrations';

export class Migration20261202080201 extends Migration {

  override async up(): Promise<void> {
    // Unit search matches words at a word start anywhere in the folded name: a full-text (GIN) index answers that, a b-tree does not.
    this.addSql(`drop index "administrative_unit_search_name_index";`);

    this.addSql(`create index "administrative_unit_search_name_words" on "administrative_unit" using gin (to_tsvector('simple', "search_name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "administrative_unit_search_name_words";`);

    this.addSql(`create index "administrative_unit_search_name_index" on "administrative_unit" ("search_name");`);
  }

}
