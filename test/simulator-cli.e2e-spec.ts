import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { constants, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MAIN = path.resolve(__dirname, '../dist/src/simulator/main.js');

/** `npm run sim` runs dist/src/simulator/main.js after a build: the CLI as a user starts it. */
describe('simulator CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kalshi-sim-keys-'));
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keygen writes a key pair and prints its key id; the simulator started with --keys accepts it', async () => {
    const keygen = spawnSync(process.execPath, [MAIN, 'keygen', '--out', dir], {
      encoding: 'utf8',
    });
    expect(keygen.status).toBe(0);
    const keyId = /key id (\S+)/.exec(keygen.stdout)?.[1];
    expect(keyId).toMatch(/^[0-9a-f-]{36}$/);
    const privateKeyPem = readFileSync(path.join(dir, 'kalshi-sim.key'), 'utf8');
    expect(readFileSync(path.join(dir, 'kalshi-sim.pub.pem'), 'utf8')).toContain(
      `Key-Id: ${keyId}`,
    );

    child = spawn(
      process.execPath,
      [MAIN, '--port', '0', '--markets', '60', '--seed', '9', '--keys', dir, '--no-traffic'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const banner = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.startsWith('Kalshi simulator:'));
        if (line && output.includes('KALSHI_WS_URL=')) resolve(line);
      });
      child!.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    expect(banner).toMatch(
      /REST http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2, WebSocket ws:\/\/127\.0\.0\.1:\d+\/trade-api\/ws\/v2/,
    );
    expect(banner).toMatch(/\d+ events, \d+ markets/);
    expect(output).toContain(`accepting key ${keyId}`);
    const restUrl = /KALSHI_API_URL=(\S+)/.exec(output)![1];

    const url = new URL(`${restUrl}/portfolio/balance`);
    const timestamp = String(Date.now());
    const signature = sign('sha256', Buffer.from(`${timestamp}GET${url.pathname}`), {
      key: privateKeyPem,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    }).toString('base64');
    const signed = await fetch(url, {
      headers: {
        'KALSHI-ACCESS-KEY': keyId!,
        'KALSHI-ACCESS-TIMESTAMP': timestamp,
        'KALSHI-ACCESS-SIGNATURE': signature,
      },
    });
    expect(signed.status).toBe(200);
    expect((await fetch(url)).status).toBe(401);
  });

  it('refuses a bad argument with exit code 2 and the usage', () => {
    const bad = spawnSync(process.execPath, [MAIN, '--markets', 'many'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--markets must be an integer');
    expect(bad.stderr).toContain('npm run sim --');
  });
});
