import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Wrong passwords in a row for one login, known or not (an unknown login is counted and locked
 * exactly like a real one, so neither the answers nor the timing tell which logins exist).
 * Changed only by single atomic statements (server/auth/sign-in.ts), shared by every instance.
 */
@Entity()
export class SignInFailure {
  @PrimaryKey({ type: 'string', length: 100 })
  login!: string;

  @Property()
  failures!: number;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'datetime' })
  lastFailureAt!: Date;
}
