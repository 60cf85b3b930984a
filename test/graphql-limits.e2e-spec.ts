import { startTestApp, type TestApp } from './support/test-app';

describe('GraphQL query limits (for deployment behind a gateway)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_COMPLEXITY: '12' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers a query within the limits', async () => {
    const result = await app.graphql('{ systemStatus { mode database { kind } } }');
    expect(result.errors).toBeUndefined();
  });

  it('rejects a query deeper than GRAPHQL_MAX_DEPTH before running it', async () => {
    const deep = await app.graphql('query Deep { events { markets { priceRanges { start } } } }');
    expect(deep.errors?.[0].message).toMatch(/exceeds maximum operation depth of 2/);
  });

  it('rejects a query whose estimated cost passes GRAPHQL_MAX_COMPLEXITY with a 400 and a code', async () => {
    const fields = Array.from({ length: 13 }, (_, i) => `s${i}: systemStatus { mode }`).join(' ');
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${fields} }` }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/too complex: 26 > 12/),
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });
});
