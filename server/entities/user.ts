import { OptionalProps, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A person who signs in. The password is kept only as an argon2 hash. */
@ObjectType({ description: 'A person who signs in; the password is kept only as an argon2 hash' })
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'disabled' | 'createdAt';

  @Field(() => ID, { description: 'Identifier of the user, for arguments named userId' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Login name, unique, e.g. "cantho.editor"' })
  @Property()
  @Unique()
  login!: string;

  @Field({ description: 'Full name shown to others' })
  @Property()
  displayName!: string;

  @Property({ hidden: true })
  passwordHash!: string;

  @Field({ description: 'True when the user may no longer sign in' })
  @Property()
  disabled: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
