import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const SCRIPT = resolve(ROOT, 'dist/scripts/manual-calculator.js');

/** Runs the built `npm run calc` script as a real process, answers on stdin. */
function calc(
  args: string[],
  stdin = '',
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], {
      cwd: ROOT,
      env: { ...process.env, ENV_FILE: '/nonexistent/.env', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm run calc (the built script, as a process)', () => {
  it('with flags: Above 300 YES @ $0.25 + Above 400 NO @ $0.70 x 100 nets $2.21 and clears the default thresholds', async () => {
    const { code, stdout } = await calc([
      '--kind',
      'ladder',
      '--leg',
      'buy yes 0.25',
      '--leg',
      'buy no 0.70',
      '--count',
      '100',
      '--fee-multiplier',
      '1',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/net profit \(worst outcome\)\s+2\.210000/);
    expect(stdout).toMatch(
      /thresholds: net >= 0\.050000 yes, per contract >= 0\.005000 yes, return >= 0\.25% yes/,
    );
  });

  it('reads its thresholds from the configuration: ARB_MIN_NET_PROFIT=5 makes the same trade fall short', async () => {
    const { code, stdout } = await calc(
      ['--kind', 'ladder', '--leg', 'buy yes 0.25', '--leg', 'buy no 0.70', '--count', '100'],
      '',
      { ARB_MIN_NET_PROFIT: '5' },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('net >= 5.000000 NO');
    expect(stdout).toContain('does NOT clear the configured thresholds');
  });

  it('interactively, from piped answers: a direct member buying YES on four brackets', async () => {
    const answers = [
      'partition-yes',
      '4',
      '0.20',
      '0.25',
      '0.22',
      '0.18',
      '10',
      '1',
      'centicent',
      'linear_cent',
    ].join('\n');
    const { code, stdout } = await calc([], `${answers}\n`);
    expect(code).toBe(0);
    // Fees $0.1120 + $0.1313 + $0.1202 + $0.1034 = $0.4669 on $8.50 of cost; exactly $10 paid out.
    expect(stdout).toMatch(/net profit \(worst outcome\)\s+1\.033100/);
  });

  it('an invalid setting stops it with exit code 2 and names the key', async () => {
    const { code, stderr } = await calc(['--kind', 'ladder'], '', {
      ARB_MIN_RETURN_PERCENT: 'lots',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('ARB_MIN_RETURN_PERCENT must be a percentage');
  });
});
