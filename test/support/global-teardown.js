const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const embedded = globalThis.__E2E_EMBEDDED__;
  if (!embedded) return;
  await embedded.server.stop();
  rmSync(embedded.dataDir, { recursive: true, force: true });
};
