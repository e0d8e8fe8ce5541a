#!/usr/bin/env node
/**
 * Builds the task pane into dist/addin-pane: taskpane.js bundled by esbuild (TypeScript, the shared domain
 * code included), the HTML, CSS, commands page and icons copied. Office.js itself is NOT bundled: the
 * page loads it from Microsoft's CDN, as Office requires.
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
// Not dist/addin: tsc puts the compiled add-in sources there (used by the benchmark).
const out = path.join(root, 'dist', 'addin-pane');

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'assets'), { recursive: true });
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, 'src', 'pane', 'taskpane.ts')],
    outfile: path.join(out, 'taskpane.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // WebView2 (Microsoft 365, Excel 2021+), Safari 14+ (Mac), current browsers (Excel on the web): BigInt is needed by the rule engine.
    target: ['es2020', 'chrome90', 'edge90', 'safari15', 'firefox90'],
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  for (const file of ['taskpane.html', 'taskpane.css', 'commands.html', 'signin-start.html', 'help.html']) fs.copyFileSync(path.join(__dirname, file), path.join(out, file));
  for (const file of fs.readdirSync(path.join(__dirname, 'assets'))) fs.copyFileSync(path.join(__dirname, 'assets', file), path.join(out, 'assets', file));
  fs.copyFileSync(path.join(root, 'manifest.xml'), path.join(out, 'manifest.xml'));
  const bytes = fs.statSync(path.join(out, 'taskpane.js')).size;
  const forbidden = Object.keys(result.metafile.inputs).filter((input) => /node_modules\/(pg|@mikro-orm|express)|server\/(db|entities|graphql)/.test(input));
  if (forbidden.length) throw new Error(`server-only code was bundled into the task pane: ${forbidden.join(', ')}`);
  console.log(`add-in built in ${path.relative(root, out)} (taskpane.js ${(bytes / 1024).toFixed(0)} KiB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
