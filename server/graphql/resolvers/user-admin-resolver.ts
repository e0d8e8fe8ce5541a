import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { forbidden } from '../../auth/auth-errors';
import { loginFormatProblem, normaliseLogin } from '../../auth/logins';
import { checkPasswordStrength, hashPassword } from '../../auth/passwords';
import { importUsers } from '../../auth/user-import';
import { UserImportResult } from '../types/user-import-types';
import { AdministrativeUnit, Role, RoleAssignment, User } from '../../entities';
import type { GraphQLContext } from '../context';
import { Refusal, badInput, notFound, parseId } from '../../../domain/refusal';
import { connectionType, type ConnectionValue } from '../connections/connection-type';
import { entityConnection, type EntityOrder } from '../connections/entity-pages';
import { legacyList } from '../connections/legacy-lists';
import { PageArgs } from '../connections/page-arguments';

const UserConnection = connectionType(User, 'User', 'users');
const USER_ORDER: EntityOrder<User> = { name: 'User', keys: [{ property: 'login', type: 'text' }] };

/** Administrators manage users on the units they administer; a national administrator everywhere. */
function administers(context: GraphQLContext, unitId: number | null): boolean {
  return unitId === null ? context.access.unitsFor('ADMINISTER') === 'ALL' : context.access.can('ADMINISTER', unitId);
}

async function unitOrNational(context: GraphQLContext, unitId: string | null | undefined): Promise<AdministrativeUnit | null> {
  if (!unitId) return null;
  const unit = await context.em.findOne(AdministrativeUnit, parseId(unitId, 'administrative unit', 'đơn vị hành chính'));
  if (!unit) throw notFound('administrative unit', 'đơn vị hành chính', unitId);
  return unit;
}

/** The users an administrator can see: everyone for a national one, else those holding a role on a unit they administer. */
async function visibleUsersWhere(context: GraphQLContext): Promise<Record<string, unknown>> {
  const scope = context.access.unitsFor('ADMINISTER');
  if (scope === 'ALL') return {};
  const assignments = await context.em.find(RoleAssignment, { unit: { $in: scope } }, { fields: ['user'] });
  return { id: { $in: [...new Set(assignments.map((assignment) => assignment.user.id))] } };
}

async function visibleUsers(context: GraphQLContext, only?: number, limit?: number): Promise<User[]> {
  return context.em.find(User, { $and: [await visibleUsersWhere(context), ...(only === undefined ? [] : [{ id: only }])] }, { orderBy: { login: 'asc' }, limit });
}

/** Every operation here is for signed-in administrators. */
@Authorized()
@Resolver()
export class UserAdminResolver {
  @Query(() => UserConnection, { description: 'Users (người dùng) holding a role on a unit you administer, a page at a time, by login' })
  async usersConnection(@Ctx() context: GraphQLContext, @Args() page: PageArgs): Promise<ConnectionValue<User>> {
    return entityConnection(context.em, User, USER_ORDER, await visibleUsersWhere(context), page, {});
  }

  @Query(() => [User], { description: 'Users holding a role on a unit you administer; at most 20,000', deprecationReason: 'Use usersConnection, a page at a time' })
  users(@Ctx() context: GraphQLContext): Promise<User[]> {
    return legacyList('users', 'usersConnection', (limit) => visibleUsers(context, undefined, limit));
  }

  @Mutation(() => User, { description: 'Create a user with a first role on a unit you administer (no unit: national, for national administrators)' })
  async createUser(
    @Ctx() context: GraphQLContext,
    @Arg('login', { description: 'Login name, unique regardless of case: 3 to 60 characters a-z, 0-9, ".", "-" or "_"' }) login: string,
    @Arg('displayName', { description: 'Full name shown to others' }) displayName: string,
    @Arg('password', { description: 'First password, at least 10 characters' }) password: string,
    @Arg('role', () => Role, { description: 'The first role of the user' }) role: Role,
    @Arg('unitId', () => ID, { description: 'The unit the role is on; omitted: the whole country (national administrators only)', nullable: true }) unitId?: string,
  ): Promise<User> {
    const unit = await unitOrNational(context, unitId);
    if (!administers(context, unit?.id ?? null)) throw forbidden('tạo người dùng cho đơn vị này', 'create users for this unit');
    const normalised = normaliseLogin(login);
    const badLogin = loginFormatProblem(normalised);
    if (badLogin) throw badInput('login', badLogin.vi, badLogin.en);
    const weak = checkPasswordStrength(password);
    if (weak) throw badInput('password', weak.vi, weak.en);
    const user = context.em.create(User, { login: normalised, displayName: displayName.trim() || normalised, passwordHash: await hashPassword(password) });
    context.em.create(RoleAssignment, { user, unit, role });
    // The unique login decides between parallel creations, not an earlier look.
    await context.em.flush().catch((error) => {
      if (error instanceof UniqueConstraintViolationException) throw new Refusal('CONFLICT', `Tên đăng nhập "${normalised}" đã có`, `The login "${normalised}" is taken`);
      throw error;
    });
    return user;
  }

  @Mutation(() => UserImportResult, {
    description:
      'Create users with a role each from a CSV with the columns login, display name, unit code, role (a unit code names today\'s unit of that code; ' +
      'a key such as "954@2010" a former one). A dry run lists every problem by line; otherwise all are created or none. Passwords are generated and shown once.',
  })
  importUsers(@Ctx() { em, access }: GraphQLContext, @Arg('csv', { description: 'The CSV text, header line first: login, display name, unit code, role' }) csv: string, @Arg('dryRun', { description: 'True to write nothing and list what would be created and every problem' }) dryRun: boolean): Promise<UserImportResult> {
    return importUsers(em, access, csv, dryRun);
  }

  @Mutation(() => RoleAssignment, { description: 'Give a user a role on a unit you administer' })
  async assignRole(
    @Ctx() context: GraphQLContext,
    @Arg('userId', () => ID, { description: 'Identifier of the user' }) userId: string,
    @Arg('role', () => Role, { description: 'The role to give' }) role: Role,
    @Arg('unitId', () => ID, { description: 'The unit the role is on; omitted: the whole country (national administrators only)', nullable: true }) unitId?: string,
  ): Promise<RoleAssignment> {
    const unit = await unitOrNational(context, unitId);
    if (!administers(context, unit?.id ?? null)) throw forbidden('phân quyền trên đơn vị này', 'assign roles on this unit');
    const [user] = await visibleUsers(context, parseId(userId, 'user', 'người dùng'));
    if (!user) throw notFound('user', 'người dùng', userId);
    // One statement, idempotent under parallel calls: the unique keys (national roles included) keep one row.
    await context.em.execute('insert into role_assignment (user_id, unit_id, role) values (?, ?, ?) on conflict do nothing', [user.id, unit?.id ?? null, role]);
    return context.em.findOneOrFail(RoleAssignment, { user, unit, role });
  }

  @Mutation(() => Boolean, { description: 'Take a role away from a user (administrator of the role\'s unit)' })
  async removeRole(@Ctx() context: GraphQLContext, @Arg('assignmentId', () => ID, { description: 'Identifier of the role assignment, from User.roles' }) assignmentId: string): Promise<boolean> {
    const assignment = await context.em.findOne(RoleAssignment, parseId(assignmentId, 'role assignment', 'phân quyền'));
    if (!assignment || !administers(context, assignment.unit?.id ?? null)) throw notFound('role assignment', 'phân quyền', assignmentId);
    await context.em.removeAndFlush(assignment);
    return true;
  }
}
