import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Access } from '../auth/access';
import { authenticate } from '../auth/tokens';
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

export async function createContext(
  orm: MikroORM,
  log: Logger,
  request: RequestInfo,
  settings: { limits: RateLimits; publicIndicators: boolean },
): Promise<GraphQLContext> {
  const { requestId, authorization, ip } = request;
  const em = orm.em.fork();
  const token = await authenticate(em, authorization);
  const access = token ? await Access.load(em, token.user) : Access.anonymous();
  return { em, loaders: new Loaders(em), log: log.child({ requestId, user: token?.user.login }), requestId, access, tokenId: token?.id ?? null, ip, ...settings };
}

/** Who acted, for the history. */
export function actorName(context: GraphQLContext): string {
  return context.access.user?.login ?? 'anonymous';
}
