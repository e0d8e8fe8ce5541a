import { OptionalProps, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TokenKind } from './enums';
import { User } from './user';

/** A bearer token, stored as its SHA-256 hash: the token itself is shown once and never kept. */
@ObjectType({ description: 'A token; the secret itself is shown only when it is created' })
@Entity()
export class AccessToken {
  [OptionalProps]?: 'createdAt';

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
