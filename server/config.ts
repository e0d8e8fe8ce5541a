import path from 'node:path';
import express from 'express';
import type { LogFormat } from './logger';

/** Everything the server reads from its environment, resolved once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded one is started under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  logLevel: string;
  /** Pretty for a person in development (when pino-pretty is installed), JSON in production. */
  logFormat: LogFormat;
  /** Load the seed documents into an empty database. */
  seed: boolean;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  /** Schema introspection and the GraphiQL IDE (off by default in production). */
  introspection: boolean;
  ide: boolean;
  /** Indicator values readable without signing in. */
  publicIndicators: boolean;
  /** Create the documented local users with the seed (refused in production unless asked for). */
  seedUsers: boolean;
  signInsPerMinute: number;
  mutationsPerMinute: number;
  /** The origin clients reach this server at (manifest URLs), when not this host itself; never taken from request headers. */
  publicUrl: string | null;
  /** Origins of an add-in pane served elsewhere (a development server, a CDN), allowed to call this server from a browser (CORS) and to open its sign-in page. */
  addinOrigins: string[];
  /** Which proxies' X-Forwarded-* headers to believe (Express "trust proxy"): a hop count or addresses; false for none. */
  trustProxy: false | number | string[];
  /** PEM files to serve HTTPS (Office loads add-ins only over HTTPS); both or neither. */
  tlsCertFile: string | null;
  tlsKeyFile: string | null;
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

const TRUE = new Set(['1', 'true', 'yes']);
const FALSE = new Set(['0', 'false', 'no']);

/** Strict: a typo such as PLANBRIDGE_SEED=flase is a start-up error, never silently true or false. */
function parseFlag(raw: string | undefined, fallback: boolean, name: string): boolean {
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new ConfigError(`${name} must be true or false (1/0, yes/no), got "${raw}"`);
}

/** An origin, http(s)://host[:port] (a trailing slash is dropped), else a start-up error naming the variable. */
function parseOrigin(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL such as https://planbridge.example.gov.vn, got "${raw}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new ConfigError(`${name} must be an origin (http(s)://host[:port], no path), got "${raw}"`);
  }
  return url.origin;
}

function parsePublicUrl(raw: string | undefined): string | null {
  return raw === undefined || raw === '' ? null : parseOrigin(raw, 'PLANBRIDGE_PUBLIC_URL');
}

/** Comma-separated origins; unset or empty allows none. */
function parseOrigins(raw: string | undefined, name: string): string[] {
  return (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map((origin) => parseOrigin(origin, name));
}

/** A number of proxy hops, or addresses and subnets (also loopback, linklocal, uniquelocal); unset trusts no proxy. */
function parseTrustProxy(raw: string | undefined): false | number | string[] {
  if (raw === undefined || raw === '' || FALSE.has(raw.trim().toLowerCase())) return false;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  try {
    express().set('trust proxy', entries); // compiles the list, throwing on a bad address
  } catch (error) {
    throw new ConfigError(`PLANBRIDGE_TRUST_PROXY must be a number of proxies or addresses/subnets, got "${raw}": ${(error as Error).message}`);
  }
  return entries;
}

function parseCount(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9]\d*$/.test(raw)) throw new ConfigError(`${name} must be a positive whole number, got "${raw}"`);
  return Number(raw);
}

function tlsFiles(env: NodeJS.ProcessEnv): { tlsCertFile: string | null; tlsKeyFile: string | null } {
  const cert = env.PLANBRIDGE_TLS_CERT || null;
  const key = env.PLANBRIDGE_TLS_KEY || null;
  if ((cert === null) !== (key === null)) throw new ConfigError('Set both PLANBRIDGE_TLS_CERT and PLANBRIDGE_TLS_KEY to serve HTTPS, or neither');
  return { tlsCertFile: cert && path.resolve(cert), tlsKeyFile: key && path.resolve(key) };
}

function installed(module: string): boolean {
  try {
    require.resolve(module);
    return true;
  } catch {
    return false;
  }
}

function parseLogFormat(raw: string | undefined, production: boolean): LogFormat {
  if (raw === undefined || raw === '') return !production && installed('pino-pretty') ? 'pretty' : 'json';
  if (raw !== 'json' && raw !== 'pretty') throw new ConfigError(`PLANBRIDGE_LOG_FORMAT must be json or pretty, got "${raw}"`);
  if (raw === 'pretty' && !installed('pino-pretty')) throw new ConfigError('PLANBRIDGE_LOG_FORMAT=pretty needs pino-pretty (a development dependency): run npm install');
  return raw;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production';
  return {
    port: parsePort(env.PORT, 4000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.PLANBRIDGE_DATA_DIR || './.data'),
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: parseLogFormat(env.PLANBRIDGE_LOG_FORMAT, production),
    seed: parseFlag(env.PLANBRIDGE_SEED, true, 'PLANBRIDGE_SEED'),
    maxBodyBytes: parseBytes(env.PLANBRIDGE_MAX_BODY_BYTES, 5 * 1024 * 1024),
    introspection: parseFlag(env.PLANBRIDGE_INTROSPECTION, !production, 'PLANBRIDGE_INTROSPECTION'),
    ide: parseFlag(env.PLANBRIDGE_IDE, !production, 'PLANBRIDGE_IDE'),
    publicIndicators: parseFlag(env.PLANBRIDGE_PUBLIC_INDICATORS, false, 'PLANBRIDGE_PUBLIC_INDICATORS'),
    seedUsers: parseFlag(env.PLANBRIDGE_SEED_USERS, !production, 'PLANBRIDGE_SEED_USERS'),
    signInsPerMinute: parseCount(env.PLANBRIDGE_SIGNINS_PER_MINUTE, 20, 'PLANBRIDGE_SIGNINS_PER_MINUTE'),
    mutationsPerMinute: parseCount(env.PLANBRIDGE_MUTATIONS_PER_MINUTE, 600, 'PLANBRIDGE_MUTATIONS_PER_MINUTE'),
    publicUrl: parsePublicUrl(env.PLANBRIDGE_PUBLIC_URL),
    addinOrigins: parseOrigins(env.PLANBRIDGE_ADDIN_ORIGIN, 'PLANBRIDGE_ADDIN_ORIGIN'),
    trustProxy: parseTrustProxy(env.PLANBRIDGE_TRUST_PROXY),
    ...tlsFiles(env),
  };
}
