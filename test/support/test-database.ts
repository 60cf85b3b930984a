import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database of its own for one spec file on the e2e server (real Postgres or embedded), dropped afterwards. */
export class TestDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly adminUrl: string,
  ) {}

  static async create(): Promise<TestDatabase> {
    const adminUrl = process.env.E2E_ADMIN_DATABASE_URL;
    if (!adminUrl)
      throw new Error(
        'E2E_ADMIN_DATABASE_URL is not set: run e2e specs through jest (test/support/global-setup.js)',
      );
    const name = `kalshi_arb_e2e_${randomBytes(5).toString('hex')}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return new TestDatabase(name, url.toString(), adminUrl);
  }

  async drop(): Promise<void> {
    await withClient(this.adminUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`),
    );
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return withClient(this.url, async (client) => (await client.query(sql, params)).rows as T[]);
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
