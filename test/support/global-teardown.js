const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const pg = globalThis.__PLANBRIDGE_TEST_PG__;
  if (!pg) return;
  await new Promise((resolve) => {
    pg.child.once('exit', resolve);
    pg.child.kill('SIGTERM');
  });
  fs.rmSync(pg.dataDir, { recursive: true, force: true });
};
