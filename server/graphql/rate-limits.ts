import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Kind, type OperationDefinitionNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { GraphQLContext } from './context';
import { userError } from './errors';

export interface RateLimitConfig {
  signInsPerMinute: number;
  mutationsPerMinute: number;
}

function limited(error: unknown): never {
  if (!(error instanceof RateLimiterRes)) throw error;
  const retry = Math.ceil(error.msBeforeNext / 1000);
  throw userError('RATE_LIMITED', `Quá nhiều yêu cầu; thử lại sau ${retry} giây`, `Too many requests; try again in ${retry} s`, {
    retryAfterSeconds: retry,
    http: { status: 429 },
  });
}

/** Mutation fields an operation runs: `a: pushTable … b: pushTable …` is two, however they are spelled. */
export function rootFieldCount(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += rootFieldCount(selection.selectionSet, fragments, seen);
    } else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
      seen.add(selection.name.value);
      count += rootFieldCount(fragments[selection.name.value].selectionSet, fragments, seen);
    }
  }
  return count;
}

/**
 * Sign-in attempts per client address and mutation fields per token (or address), counted in the
 * database (rate-limiter-flexible's PostgreSQL store, table rate_limit) so that every instance
 * on one database shares them: adding a server adds no guesses.
 */
export class RateLimits {
  private readonly signIns: RateLimiterPostgres;
  private readonly mutations: RateLimiterPostgres;

  constructor(orm: MikroORM, config: RateLimitConfig) {
    // Run-out counters are deleted with the other security records (server/auth/expired-records.ts), not by a timer per limiter.
    const store = { storeClient: orm.em.getKnex(), storeType: 'knex', tableName: 'rate_limit', tableCreated: true, clearExpiredByTimeout: false, duration: 60 };
    this.signIns = new RateLimiterPostgres({ ...store, keyPrefix: 'sign-in', points: config.signInsPerMinute });
    this.mutations = new RateLimiterPostgres({ ...store, keyPrefix: 'mutation', points: config.mutationsPerMinute });
  }

  async signIn(ip: string): Promise<void> {
    await this.signIns.consume(ip).catch(limited);
  }

  plugin(): ApolloServerPlugin<GraphQLContext> {
    const mutations = this.mutations;
    return {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, document, contextValue }) {
            if (operation?.operation !== 'mutation') return;
            const fragments = Object.fromEntries(
              document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
            );
            const fields = rootFieldCount((operation as OperationDefinitionNode).selectionSet, fragments);
            await mutations.consume(contextValue.tokenId ? `token:${contextValue.tokenId}` : `ip:${contextValue.ip}`, Math.max(fields, 1)).catch(limited);
          },
        };
      },
    };
  }
}
