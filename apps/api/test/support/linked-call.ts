import type { ApiHarness, CreatedCall, TestUser } from './api-harness.js';

export interface LinkedCall extends CreatedCall {
  /** The temporary-link token a field employee uses on /shared routes. */
  token: string;
  /** The call's available expenditure item ids, in order. */
  itemIds: number[];
}

/** A call of `owner`, accepted by them (Committed), with a temporary link issued through the API. */
export async function linkedCall(api: ApiHarness, owner: TestUser): Promise<LinkedCall> {
  const call = await api.createCall(owner.id);
  await api.app.inject({
    method: 'POST',
    url: `/call/${call.id}/status`,
    headers: owner.headers,
    payload: { status: 'Committed' },
  });
  const link = await api.app.inject({ method: 'POST', url: `/call/${call.id}/templink`, headers: owner.headers });
  const items = await api.db.expenditureItem.findMany({ where: { callId: BigInt(call.id) }, orderBy: { id: 'asc' } });
  return { ...call, token: link.json<string>(), itemIds: items.map((item) => Number(item.id)) };
}
