import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';

describe('GET /metrics', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(() => api?.close());

  const scrape = async () => {
    const response = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/plain/);
    return response.body;
  };
  const value = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

  it('shows the outbox backlog and the age of its oldest entry, and job outcomes from the audit', async () => {
    expect(value(await scrape(), 'callbridge_outbox_backlog')).toBe(0);
    const owner = await api.createUser('metrics-owner');
    await api.createCall(owner.id);
    await api.createCall(owner.id);
    await api.db.outboxEntry.updateMany({ data: { createdAt: new Date(Date.now() - 90_000) } });
    await api.db.jobAudit.create({ data: { queue: 'outbox', jobId: 'j1', name: 'dispatch', state: 'failed' } });

    const text = await scrape();
    expect(value(text, 'callbridge_outbox_backlog')).toBe(2);
    expect(value(text, 'callbridge_outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(89);
    expect(text).toContain('callbridge_jobs{queue="outbox",state="failed"} 1');
    expect(text).toContain('callbridge_api_process_resident_memory_bytes');
  });
});
