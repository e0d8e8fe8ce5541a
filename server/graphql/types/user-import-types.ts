import { Field, Int, ObjectType } from 'type-graphql';
import { AdministrativeUnit, Role } from '../../entities';

@ObjectType({ description: 'A problem of one line of a user CSV (line 1 is the header)' })
export class UserImportProblemType {
  @Field(() => Int, { description: 'Line of the CSV, from 1 (the header)' }) line!: number;
  @Field(() => String, { nullable: true, description: 'Column of the CSV with the problem: login, display name, unit code or role; empty for the whole line' }) column!: string | null;
  @Field({ description: 'Kind of problem: UNKNOWN_UNIT, AMBIGUOUS_UNIT, OUTSIDE_SCOPE, DUPLICATE_LOGIN, LOGIN_TAKEN, BAD_LOGIN, UNKNOWN_ROLE, ROLE_ABOVE_OWN, MISSING_COLUMN, CSV or EMPTY' }) code!: string;
  @Field({ description: 'The problem in Vietnamese' }) messageVi!: string;
  @Field({ description: 'The problem in English' }) messageEn!: string;
}

@ObjectType({ description: 'A user of a CSV import, created or (in a dry run) to be created' })
export class ImportedUserType {
  @Field(() => Int, { description: 'Line of the CSV, from 1 (the header)' }) line!: number;
  @Field({ description: 'Login name' }) login!: string;
  @Field({ description: 'Full name shown to others' }) displayName!: string;
  @Field(() => AdministrativeUnit, { description: 'Administrative unit the role is on' }) unit!: AdministrativeUnit;
  @Field(() => Role, { description: 'Role on that unit' }) role!: Role;
  @Field(() => String, { nullable: true, description: 'The generated password, shown this once; empty on a dry run' }) password!: string | null;
}

@ObjectType({ description: 'What a user CSV import created, or would create in a dry run, and the problems of its lines' })
export class UserImportResult {
  @Field({ description: 'True when nothing was written' }) dryRun!: boolean;
  @Field({ description: 'Whether the users were created (all of them; never some)' }) applied!: boolean;
  @Field(() => [ImportedUserType], { description: 'The users of the CSV, line by line' }) users!: ImportedUserType[];
  @Field(() => [UserImportProblemType], { description: 'Problems of the CSV; any problem means no user was created' }) problems!: UserImportProblemType[];
}
