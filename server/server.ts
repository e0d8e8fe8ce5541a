import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { purgeRegularly } from './auth/expired-records';
import type { ServerConfig } from './config';
import { openDatabase, migrate, withStartupLock } from './db/database';
import { startEmbeddedPostgres, type RunningPostgres } from './db/embedded-postgres';
import { createApp, type PlanBridgeApp, type TlsCredentials } from './http/app';
import type { Logger } from './logger';
import { seedIfEmpty } from './seed/load-seed';
import { seedUsersIfNone } from './seed/users';

/** A start failure with a message the operator can act on (printed without a stack trace). */
export class StartupError extends Error {}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function portInUse(port: number, host: string): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES'));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

function listen(app: PlanBridgeApp, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(port, host, () => resolve((app.httpServer.address() as net.AddressInfo).port));
  });
}

/**
 * Starts PlanBridge: the database (embedded unless DATABASE_URL is set), migrations, seed,
 * then GraphQL. Whatever was started is stopped again if a later step fails.
 */
function readTls(config: ServerConfig): TlsCredentials | null {
  if (!config.tlsCertFile || !config.tlsKeyFile) return null;
  try {
    return { cert: readFileSync(config.tlsCertFile), key: readFileSync(config.tlsKeyFile) };
  } catch (error) {
    throw new StartupError(`Cannot read the TLS certificate or key: ${(error as Error).message}`);
  }
}

export async function startServer(config: ServerConfig, log: Logger): Promise<RunningServer> {
  const tls = readTls(config);
  if (await portInUse(config.port, config.host)) {
    throw new StartupError(`Port ${config.port} is already in use (or not allowed). Stop what uses it, or set PORT to another port.`);
  }
  let embedded: RunningPostgres | null = null;
  let orm: MikroORM | null = null;
  let app: PlanBridgeApp | null = null;
  let purging: { stop(): Promise<void> } | null = null;
  const stop = async () => {
    await app?.apollo.stop().catch((error) => log.warn({ err: error }, 'stopping GraphQL'));
    await purging?.stop();
    await orm?.close().catch((error) => log.warn({ err: error }, 'closing the database'));
    await embedded?.stop().catch((error) => log.warn({ err: error }, 'stopping PostgreSQL'));
  };
  try {
    embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, log);
    // Serving errors without a database helps nobody: exit non-zero, for the supervisor to restart the whole server.
    embedded?.onUnexpectedExit((code, signal) => {
      log.fatal({ code, signal }, 'the embedded PostgreSQL stopped unexpectedly; exiting so that the server is restarted');
      process.exit(70);
    });
    const databaseUrl = config.databaseUrl ?? embedded!.url;
    const ready = await openDatabase(databaseUrl, { logger: (message) => log.debug({ orm: message }, 'orm') });
    orm = ready;
    await withStartupLock(databaseUrl, async () => {
      const applied = await migrate(ready);
      if (applied.length) log.info({ migrations: applied }, 'applied migrations');
      if (config.seed && (await seedIfEmpty(ready.em.fork()))) log.info('loaded the seed documents into the empty database');
      if (config.seedUsers && config.seed && (await seedUsersIfNone(ready.em.fork()))) log.warn('created the local seed users (README); never use them in production');
    });
    app = await createApp(orm, config, log, tls);
    const port = await listen(app, config.port, config.host);
    purging = purgeRegularly(ready, log);
    const url = `${tls ? 'https' : 'http'}://localhost:${port}/graphql`;
    log.info({ url, database: config.databaseUrl ? 'external' : 'embedded' }, `PlanBridge ready at ${url}`);
    return { url, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
