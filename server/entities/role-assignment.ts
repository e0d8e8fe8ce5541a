import { Entity, Enum, ManyToOne, PrimaryKey, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';
import { Role } from './enums';
import { User } from './user';

/** A role held on a unit (and what it covers); no unit means the whole country (the ministry). */
@ObjectType({ description: 'A role of a user on an administrative unit and the units below it' })
@Entity()
@Unique({ properties: ['user', 'unit', 'role'] })
// The key above treats NULL units as distinct, so national roles need their own (PostgreSQL before 15 has no NULLS NOT DISTINCT).
@Unique({
  name: 'role_assignment_national_unique',
  expression: 'create unique index "role_assignment_national_unique" on "role_assignment" ("user_id", "role") where "unit_id" is null',
})
export class RoleAssignment {
  @Field(() => ID, { description: 'Identifier of the assignment, for removeRole' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => User)
  user!: User;

  @ManyToOne(() => AdministrativeUnit, { nullable: true })
  unit: AdministrativeUnit | null = null;

  @Field(() => Role, { description: 'What the user may do there' })
  @Enum({ items: () => Role })
  role!: Role;
}
