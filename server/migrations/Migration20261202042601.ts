import { Migration } from '@mikro-orm/migrations';

export class Migration20261202042601 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "rate_limit" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limit_pkey" primary key ("key"));`);

    this.addSql(`create table "sign_in_failure" ("login" varchar(100) not null, "failures" int not null, "locked_until" timestamptz null, "last_failure_at" timestamptz not null, constraint "sign_in_failure_pkey" primary key ("login"));`);

    this.addSql(`alter table "app_user" drop column "failed_sign_ins", drop column "locked_until";`);

    // National roles duplicated before this key existed: keep the oldest of each.
    this.addSql(`delete from "role_assignment" a using "role_assignment" b where a."unit_id" is null and b."unit_id" is null and a."user_id" = b."user_id" and a."role" = b."role" and a."id" > b."id";`);
    this.addSql(`create unique index "role_assignment_national_unique" on "role_assignment" ("user_id", "role") where "unit_id" is null;`);

    this.addSql(`alter table "access_token" add column "family" uuid null;`);
    this.addSql(`create index "access_token_family_index" on "access_token" ("family");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit" cascade;`);

    this.addSql(`drop table if exists "sign_in_failure" cascade;`);

    this.addSql(`alter table "app_user" add column "failed_sign_ins" int not null default 0, add column "locked_until" timestamptz null;`);

    this.addSql(`drop index "role_assignment_national_unique";`);

    this.addSql(`drop index "access_token_family_index";`);
    this.addSql(`alter table "access_token" drop column "family";`);
  }

}
