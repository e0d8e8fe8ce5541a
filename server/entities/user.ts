import { OptionalProps, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A person who signs in. The password is kept only as an argon2 hash. */
@ObjectType()
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'disabled' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field()
  @Property()
  @Unique()
  login!: string;

  @Field()
  @Property()
  displayName!: string;

  @Property({ hidden: true })
  passwordHash!: string;

  @Field()
  @Property()
  disabled: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
