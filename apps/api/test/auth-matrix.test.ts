import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from './support/api-harness.js';
import { SPEC_ENDPOINTS, sampleUrl, type Scheme, type SpecEndpoint } from './support/spec-endpoints.js';

/**
 * Every endpoint × no credentials / the wrong scheme's credentials. Authentication runs before the
 * body is read, so an empty body is enough: a route that validated first would answer 400 instead.
 */
describe('auth matrix: all 44 endpoints', () => {
  let api: ApiHarness;
  let user: TestUser;

  beforeAll(async () => {
    api = await startApiHarness();
    user = await api.createUser('matrix-user');
  });
  afterAll(() => api?.close());

  const request = (endpoint: SpecEndpoint, authorization?: string) =>
    api.app.inject({
      method: endpoint.method,
      url: sampleUrl(endpoint),
      headers: authorization ? { authorization } : {},
    });

  /** Credentials that are valid somewhere, but not for `scheme`. */
  const wrongCredentials = (scheme: Scheme): Record<string, string> => {
    const all = {
      'dispatch key': api.dispatch.authorization,
      'access token': `Bearer ${user.accessToken}`,
      'service token': `Bearer ${user.serviceToken}`,
      'unknown token': 'Bearer not-a-real-token-0123456789',
    };
    const own = { Ext: 'dispatch key', User: 'access token', Svc: 'service token', none: '' }[scheme];
    return Object.fromEntries(Object.entries(all).filter(([name]) => name !== own));
  };

  it('lists exactly the 44 endpoints of the spec', () => {
    expect(SPEC_ENDPOINTS).toHaveLength(44);
    expect(new Set(SPEC_ENDPOINTS.map((e) => `${e.method} ${e.path}`)).size).toBe(44);
  });

  const secured = SPEC_ENDPOINTS.filter((endpoint) => endpoint.scheme !== 'none');
  it.each(secured.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))(
    '%s answers 401 without credentials and with the wrong scheme',
    async (_name, endpoint) => {
      const missing = await request(endpoint);
      expect(missing.statusCode, 'no Authorization header').toBe(401);
      expect(missing.json()).toMatchObject({ errorCode: 0, message: expect.any(String) });
      for (const [name, authorization] of Object.entries(wrongCredentials(endpoint.scheme))) {
        expect((await request(endpoint, authorization)).statusCode, name).toBe(401);
      }
    },
  );

  const shared = SPEC_ENDPOINTS.filter((endpoint) => endpoint.path.startsWith('/shared/'));
  it.each(shared.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))(
    '%s answers 400 without a token and 404 for an unknown one',
    async (_name, endpoint) => {
      expect((await request(endpoint)).statusCode).toBe(400);
      const unknown = await api.app.inject({
        method: endpoint.method,
        url: `${sampleUrl(endpoint)}?token=00000000-0000-4000-8000-000000000000.${'A'.repeat(32)}`,
      });
      expect(unknown.statusCode).toBe(404);
    },
  );

  it('documents every endpoint in /docs/json with its security scheme', async () => {
    const document = (await api.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
    }>();
    const schemeName = { Ext: 'ExternalSystemAuth', User: 'UserAuth', Svc: 'ServiceUserAuth' } as const;
    const missing: string[] = [];
    for (const endpoint of SPEC_ENDPOINTS) {
      const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
      if (!operation) {
        missing.push(`${endpoint.method} ${endpoint.path}`);
        continue;
      }
      const expected = endpoint.scheme === 'none' ? [] : [{ [schemeName[endpoint.scheme]]: [] }];
      expect(operation.security ?? [], `${endpoint.method} ${endpoint.path}`).toEqual(expected);
    }
    expect(missing).toEqual([]);
  });
});
