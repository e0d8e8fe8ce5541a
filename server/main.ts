import 'reflect-metadata';
import { ConfigError, readConfig } from './config';
import { DatabaseUnavailableError } from './db/database';
import { EmbeddedPostgresError } from './db/embedded-postgres';
import { createLogger } from './logger';
import { StartupError, startServer } from './server';

const EXPECTED = [ConfigError, DatabaseUnavailableError, EmbeddedPostgresError, StartupError];

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    process.stderr.write(`PlanBridge cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel, config.logFormat);
  let server;
  try {
    server = await startServer(config, log);
  } catch (error) {
    const expected = EXPECTED.some((kind) => error instanceof kind);
    // The person at the terminal gets one plain line (below). The log gets the event too when it is JSON, for a log
    // collector; a pretty log is that same terminal, so it repeats nothing, except a stack for an unexpected error.
    if (config.logFormat === 'json') log.fatal(expected ? { reason: (error as Error).message } : { err: error }, 'PlanBridge cannot start');
    else if (!expected) log.fatal({ err: error }, 'unexpected start-up failure');
    process.stderr.write(`PlanBridge cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    server.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error) => {
        log.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
