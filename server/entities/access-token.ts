import { OptionalProps, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TokenKind } from './enums';
import { User } from './user';

/** A bearer token, stored as its SHA-256 hash: the token itself is shown once and never kept. */
@ObjectType({ description: 'A token; the secret itself is shown only when it is created' })
@Entity()
export class AccessToken {
  [OptionalProps]?: 'createdAt' | 'family';

  @Field(() => ID, { description: 'Identifier of the token, for revokeToken' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => User)
  @Index()
  user!: User;

  @Field(() => TokenKind, { description: 'What the token is for: access, refresh or personal' })
  @Enum({ items: () => TokenKind })
  kind!: TokenKind;

  @Field(() => String, { nullable: true, description: 'Name its owner gave a personal access token, e.g. "Excel add-in"; empty for other kinds' })
  @Property({ type: 'string', nullable: true })
  name: string | null = null;

  @Property()
  @Unique()
  tokenHash!: string;

  /**
   * The sign-in session an access or refresh token belongs to, kept through every refresh: reusing a
   * rotated refresh token revokes the whole family, and signing out revokes it too. Null for personal tokens.
   */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  family: string | null = null;

  @Field({ description: 'When the token was issued (ISO 8601)' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field({ description: 'When the token stops working (ISO 8601)' })
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => Date, { description: 'When the token was revoked (signed out or revoked by hand); empty while it is valid', nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => Date, { description: 'When a request last came with the token; empty if never used', nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;
}
