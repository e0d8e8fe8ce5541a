import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { signInWithPassword } from '../../auth/sign-in';
import { issueToken, PERSONAL_TOKEN_MAX_DAYS, revokeFamilyOf, rotateRefreshToken } from '../../auth/tokens';
import { AccessToken, AdministrativeUnit, RoleAssignment, TokenKind, User } from '../../entities';
import type { GraphQLContext } from '../context';
import { badInput, notFound, parseId } from '../../../domain/refusal';

@ObjectType({ description: 'Tokens of a signed-in session: a short-lived access token and a refresh token' })
class SessionTokens {
  @Field({ description: 'Access token to send as "Authorization: Bearer …" with every request; valid 15 minutes' }) accessToken!: string;
  @Field({ description: 'When the access token stops working (ISO 8601)' }) accessTokenExpiresAt!: Date;
  @Field({ description: 'Refresh token for refreshSession; valid 30 days, used once' }) refreshToken!: string;
  @Field({ description: 'When the refresh token stops working (ISO 8601)' }) refreshTokenExpiresAt!: Date;
  @Field(() => User, { description: 'The signed-in user' }) user!: User;
}

@ObjectType({ description: 'A new personal access token; the secret is shown this once' })
class CreatedToken {
  @Field({ description: 'The secret to send as "Authorization: Bearer …"; shown this once, only its hash is kept' }) token!: string;
  @Field(() => AccessToken, { description: 'The token as listed in me { personalTokens }' }) info!: AccessToken;
}

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => SessionTokens, { description: 'Sign in with login and password' })
  async signIn(@Ctx() context: GraphQLContext, @Arg('login', { description: 'Login name, e.g. "cantho.editor"' }) login: string, @Arg('password', { description: 'Password; each wrong one in a row answers more slowly, the fifth locks the account for 15 minutes' }) password: string): Promise<SessionTokens> {
    await context.limits.signIn(context.ip);
    const { user, session } = await signInWithPassword(context.em, login, password);
    return { ...session, user };
  }

  @Mutation(() => SessionTokens, { description: 'Trade a refresh token for a new session; the old refresh token stops working' })
  async refreshSession(@Ctx() { em }: GraphQLContext, @Arg('refreshToken', { description: 'The refresh token from signIn or the last refreshSession; it stops working once used' }) refreshToken: string): Promise<SessionTokens> {
    const { user, session } = await rotateRefreshToken(em, refreshToken);
    return { ...session, user };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revoke the token this request was made with, and with an access token its whole session (the refresh token too)' })
  async signOut(@Ctx() context: GraphQLContext): Promise<boolean> {
    const token = await context.em.findOneOrFail(AccessToken, context.tokenId!);
    await revokeFamilyOf(context.em, token.tokenHash);
    return true;
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user, with roles and personal tokens; null without a token' })
  me(@Ctx() { access }: GraphQLContext): User | null {
    return access.user;
  }

  @FieldResolver(() => [RoleAssignment], { description: 'The user\'s roles, each on an administrative unit and the units below it' })
  roles(@Root() user: User, @Ctx() { loaders }: GraphQLContext): Promise<RoleAssignment[]> {
    return loaders.byParent(RoleAssignment, 'user', 'id').load(user.id);
  }

  @Authorized()
  @FieldResolver(() => [AccessToken], { description: 'Your personal access tokens (only your own)' })
  async personalTokens(@Root() user: User, @Ctx() context: GraphQLContext): Promise<AccessToken[]> {
    if (context.access.user!.id !== user.id) return [];
    return context.em.find(AccessToken, { user, kind: TokenKind.PERSONAL }, { orderBy: { id: 'asc' } });
  }

  @Authorized()
  @Mutation(() => CreatedToken, { description: 'A named personal access token for scripts and the Excel add-in' })
  async createPersonalAccessToken(
    @Ctx() context: GraphQLContext,
    @Arg('name', { description: 'Name to tell the token apart, e.g. "Excel add-in on my laptop"' }) name: string,
    @Arg('expiresInDays', () => Int, { description: 'Days until the token stops working, 1 to 366', defaultValue: 90 }) expiresInDays: number,
  ): Promise<CreatedToken> {
    const user = context.access.user!;
    if (!name.trim() || name.length > 100) throw badInput('name', 'Tên mã phải có từ 1 đến 100 ký tự', 'The token name must have 1 to 100 characters');
    if (expiresInDays < 1 || expiresInDays > PERSONAL_TOKEN_MAX_DAYS) {
      throw badInput('expiresInDays', `Thời hạn từ 1 đến ${PERSONAL_TOKEN_MAX_DAYS} ngày`, `expiresInDays must be 1 to ${PERSONAL_TOKEN_MAX_DAYS}`);
    }
    const issued = issueToken(context.em, context.em.getReference(User, user.id), TokenKind.PERSONAL, expiresInDays * 86400000, name.trim());
    await context.em.flush();
    return { token: issued.token, info: issued.record };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revoke one of your tokens: it stops working at once' })
  async revokeToken(@Ctx() context: GraphQLContext, @Arg('id', () => ID, { description: 'Identifier of the token, from me { personalTokens }' }) id: string): Promise<boolean> {
    const user = context.access.user!;
    const token = await context.em.findOne(AccessToken, { id: parseId(id, 'token', 'mã truy cập'), user: user.id });
    if (!token) throw notFound('token', 'mã truy cập', id);
    token.revokedAt ??= new Date();
    await context.em.flush();
    return true;
  }
}

@Resolver(() => RoleAssignment)
export class RoleAssignmentResolver {
  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit the role is on, with the units below it; null for the whole country' })
  unit(@Root() assignment: RoleAssignment, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit | null> | null {
    return assignment.unit ? loaders.byId(AdministrativeUnit).load(assignment.unit.id) : null;
  }
}
