import type { ApolloServerPlugin } from '@apollo/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
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

/** Per-process limits: sign-in attempts per client address, mutations per token (or address). */
export class RateLimits {
  private readonly signIns: RateLimiterMemory;
  private readonly mutations: RateLimiterMemory;

  constructor(config: RateLimitConfig) {
    this.signIns = new RateLimiterMemory({ points: config.signInsPerMinute, duration: 60 });
    this.mutations = new RateLimiterMemory({ points: config.mutationsPerMinute, duration: 60 });
  }

  async signIn(ip: string): Promise<void> {
    await this.signIns.consume(ip).catch(limited);
  }

  plugin(): ApolloServerPlugin<GraphQLContext> {
    const mutations = this.mutations;
    return {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, contextValue }) {
            if (operation?.operation !== 'mutation') return;
            await mutations.consume(contextValue.tokenId ? `token:${contextValue.tokenId}` : `ip:${contextValue.ip}`).catch(limited);
          },
        };
      },
    };
  }
}
