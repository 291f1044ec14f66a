import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';

describe('OpenAPI document', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(() => api?.close());

  it('serves OpenAPI 3 at /docs/json with the security schemes and the ErrorDTO', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      'AdminKey',
      'ExternalSystemAuth',
      'ServiceUserAuth',
      'UserAuth',
    ]);
    expect(document.components.schemas).toHaveProperty('ErrorDTO');
    const createCall = document.paths['/call']?.post;
    expect(createCall?.security).toEqual([{ ExternalSystemAuth: [] }]);
    expect(Object.keys(createCall?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '404']));
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
