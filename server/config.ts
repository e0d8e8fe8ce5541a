import path from 'node:path';

/** Everything the server reads from its environment, resolved once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded one is started under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  logLevel: string;
  /** Load the seed documents into an empty database. */
  seed: boolean;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
}

export class ConfigError extends Error {}

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parseBytes(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`PLANBRIDGE_MAX_BODY_BYTES must be a whole number of bytes, got "${raw}"`);
  return Number(raw);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: parsePort(env.PORT, 4000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.PLANBRIDGE_DATA_DIR || './.data'),
    logLevel: env.LOG_LEVEL || 'info',
    seed: env.PLANBRIDGE_SEED !== 'false',
    maxBodyBytes: parseBytes(env.PLANBRIDGE_MAX_BODY_BYTES, 5 * 1024 * 1024),
  };
}
