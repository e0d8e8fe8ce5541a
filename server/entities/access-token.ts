import { OptionalProps, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TokenKind } from './enums';
import { User } from './user';

/** A bearer token, stored as its SHA-256 hash: the token itself is shown once and never kept. */
@ObjectType({ description: 'A token; the secret itself is shown only when it is created' })
@Entity()
export class AccessToken {
  [OptionalProps]?: 'createdAt' | 'family';

  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => User)
  @Index()
  user!: User;

  @Field(() => TokenKind)
  @Enum({ items: () => TokenKind })
  kind!: TokenKind;

  @Field(() => String, { nullable: true, description: 'For personal access tokens' })
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

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;
}
