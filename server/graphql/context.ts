import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Access } from '../auth/access';
import { authenticate } from '../auth/tokens';
import type { AccessToken } from '../entities';
import type { Logger } from '../logger';
import { Loaders } from './loaders';
import type { RateLimits } from './rate-limits';

export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
  log: Logger;
  requestId: string;
  /** What the caller may do where; anonymous callers may do nothing but read public data. */
  access: Access;
  /** Id of the presented token, for per-token rate limits. */
  tokenId: number | null;
  /** Client address, for rate limits of anonymous calls. */
  ip: string;
  limits: RateLimits;
  /** Indicator values are readable without signing in. */
  publicIndicators: boolean;
}

export interface RequestInfo {
  requestId: string;
  authorization: string | undefined;
  ip: string;
}

/** Who presents the request's token and what they may do; no token is an anonymous caller. */
export interface Caller {
  token: AccessToken | null;
  access: Access;
}

export async function identify(em: EntityManager, authorization: string | undefined): Promise<Caller> {
  const token = await authenticate(em, authorization);
  return { token, access: token ? await Access.load(em, token.user) : Access.anonymous() };
}

/** The context of one operation by a caller identified already (a WebSocket connection identifies once). */
export function contextFor(em: EntityManager, log: Logger, request: Omit<RequestInfo, 'authorization'>, caller: Caller, settings: { limits: RateLimits; publicIndicators: boolean }): GraphQLContext {
  const { requestId, ip } = request;
  const { token, access } = caller;
  return { em, loaders: new Loaders(em), log: log.child({ requestId, user: token?.user.login }), requestId, access, tokenId: token?.id ?? null, ip, ...settings };
}

export async function createContext(
  orm: MikroORM,
  log: Logger,
  request: RequestInfo,
  settings: { limits: RateLimits; publicIndicators: boolean },
): Promise<GraphQLContext> {
  const em = orm.em.fork();
  return contextFor(em, log, request, await identify(em, request.authorization), settings);
}

/** Who acted, for the history. */
export function actorName(context: GraphQLContext): string {
  return context.access.user?.login ?? 'anonymous';
}
