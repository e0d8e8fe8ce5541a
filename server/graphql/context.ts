import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { Loaders } from './loaders';

export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
  log: Logger;
  requestId: string;
  /** Who is acting; recorded on every change set. */
  actor: string;
}

export function createContext(orm: MikroORM, log: Logger, requestId: string, actor: string): GraphQLContext {
  const em = orm.em.fork();
  return { em, loaders: new Loaders(em), log: log.child({ requestId }), requestId, actor };
}
