#!/usr/bin/env node
/**
 * HTTPS front for sideloading: Office only loads add-ins over HTTPS. Serves https://localhost:3000 with
 * the office-addin-dev-certs certificate (trusted locally on first run) and forwards every request to the
 * PlanBridge server (PLANBRIDGE_URL, default http://localhost:4000), so the pane, /graphql and /signin
 * share one origin. Usage: `npm start` in one terminal, `npm run addin:https` in another.
 */
const http = require('node:http');
const https = require('node:https');

const target = new URL(process.env.PLANBRIDGE_URL || 'http://localhost:4000');
const port = Number(process.env.ADDIN_HTTPS_PORT || 3000);

async function main() {
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  const server = https.createServer(options, (req, res) => {
    const forward = http.request(
      { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host, 'x-forwarded-proto': 'https', 'x-forwarded-host': req.headers.host } },
      (answer) => {
        res.writeHead(answer.statusCode || 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`PlanBridge server not reachable at ${target.origin}: ${error.message}`);
    });
    req.pipe(forward);
  });
  server.listen(port, () => console.log(`PlanBridge add-in at https://localhost:${port}/addin/taskpane.html → ${target.origin}`));
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
