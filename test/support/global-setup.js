// Runs once before the e2e specs: gives them a PostgreSQL server to create their own databases on.
// DATABASE_URL set (CI): that server. Unset: an embedded PostgreSQL in a temporary folder on a free port.
// Plain JS over the compiled code (npm test builds first), so the embedded server is the app's own code.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const net = require('node:net');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.E2E_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const { EmbeddedPostgresServer } = require('../../dist/src/database/embedded-postgres-server.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'kalshi-arb-e2e-'));
  const server = new EmbeddedPostgresServer({
    dataDir,
    port: await freePort(),
    database: 'postgres',
  });
  await server.start();
  globalThis.__E2E_EMBEDDED__ = { server, dataDir };
  process.env.E2E_ADMIN_DATABASE_URL = server.urlFor('postgres');
};
