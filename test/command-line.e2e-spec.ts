import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const MAIN = resolve(__dirname, '../dist/src/main.js');

/** Runs the built entry point as a user would, with a clean environment plus `env`. */
function runMain(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe('the command line', () => {
  it('names every bad flag and setting, exits 2 and starts nothing', async () => {
    const { code, output } = await runMain(['--mode', 'live', '--frobnicate'], {
      PORT: 'http',
      LOG_LEVEL: 'chatty',
    });
    expect(code).toBe(2);
    expect(output).toContain('--mode must be simulation, production or development (got "live")');
    expect(output).toContain('unknown argument "--frobnicate"');
    expect(output).toContain('PORT must be a whole number (got "http")');
    expect(output).toContain('LOG_LEVEL must be one of');
    expect(output).toContain('Usage:');
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses production mode without credentials', async () => {
    const { code, output } = await runMain(['--mode', 'production'], {});
    expect(code).toBe(2);
    expect(output).toContain('production mode sends real orders and needs credentials');
  });

  it('stops with one clear line when DATABASE_URL points nowhere', async () => {
    const { code, output } = await runMain([], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(output).toContain(
      'kalshi-arb could not start: Cannot use DATABASE_URL (127.0.0.1:1/none)',
    );
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('prints its usage with --help', async () => {
    const { code, output } = await runMain(['--help'], {});
    expect(code).toBe(0);
    expect(output).toContain('--mode');
  });
});
