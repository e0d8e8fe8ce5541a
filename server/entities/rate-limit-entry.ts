import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The table rate-limiter-flexible's RateLimiterPostgres keeps its counters in (its own layout),
 * so that every instance on one database shares the limits. Declared here so migrations create it.
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimitEntry {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ default: 0 })
  points!: number;

  @Property({ type: 'bigint', nullable: true })
  expire: string | null = null;
}
