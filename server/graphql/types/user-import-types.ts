import { Field, Int, ObjectType } from 'type-graphql';
import { AdministrativeUnit, Role } from '../../entities';

@ObjectType({ description: 'A problem of one line of a user CSV (line 1 is the header)' })
export class UserImportProblemType {
  @Field(() => Int) line!: number;
  @Field(() => String, { nullable: true, description: 'login, display name, unit code or role' }) column!: string | null;
  @Field({ description: 'UNKNOWN_UNIT, AMBIGUOUS_UNIT, OUTSIDE_SCOPE, DUPLICATE_LOGIN, LOGIN_TAKEN, BAD_LOGIN, UNKNOWN_ROLE, ROLE_ABOVE_OWN, MISSING_COLUMN, CSV, EMPTY' }) code!: string;
  @Field() messageVi!: string;
  @Field() messageEn!: string;
}

@ObjectType()
export class ImportedUserType {
  @Field(() => Int) line!: number;
  @Field() login!: string;
  @Field() displayName!: string;
  @Field(() => AdministrativeUnit) unit!: AdministrativeUnit;
  @Field(() => Role) role!: Role;
  @Field(() => String, { nullable: true, description: 'The generated password, shown this once; empty on a dry run' }) password!: string | null;
}

@ObjectType()
export class UserImportResult {
  @Field() dryRun!: boolean;
  @Field({ description: 'Whether the users were created (all of them; never some)' }) applied!: boolean;
  @Field(() => [ImportedUserType]) users!: ImportedUserType[];
  @Field(() => [UserImportProblemType]) problems!: UserImportProblemType[];
}
