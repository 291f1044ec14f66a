/** The auth scheme of an endpoint, exactly as the spec's §1.4 lists it. */
export type Scheme = 'Ext' | 'User' | 'Svc' | 'none';

export interface SpecEndpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path as the spec writes it (OpenAPI form, `{id}` placeholders). */
  path: string;
  scheme: Scheme;
}

/** All 44 endpoints of the spec's table (§2), in its order. */
export const SPEC_ENDPOINTS: readonly SpecEndpoint[] = [
  { method: 'POST', path: '/call', scheme: 'Ext' },
  { method: 'GET', path: '/call/jeopardies/modifications/{timestamp}', scheme: 'Ext' },
  { method: 'GET', path: '/call/messages/modifications/{timestamp}', scheme: 'Ext' },
  { method: 'GET', path: '/call/modifications/{timestamp}', scheme: 'Ext' },
  { method: 'POST', path: '/call/{callId}/templink', scheme: 'User' },
  { method: 'GET', path: '/call/{id}', scheme: 'Ext' },
  { method: 'PATCH', path: '/call/{id}', scheme: 'Ext' },
  { method: 'POST', path: '/call/{id}/close', scheme: 'Ext' },
  { method: 'POST', path: '/call/{id}/dispatcher/message', scheme: 'Ext' },
  { method: 'POST', path: '/call/{id}/jeopardy', scheme: 'User' },
  { method: 'POST', path: '/call/{id}/message', scheme: 'User' },
  { method: 'POST', path: '/call/{id}/status', scheme: 'User' },
  { method: 'POST', path: '/call/{id}/unjeopardy', scheme: 'Ext' },
  { method: 'POST', path: '/callCost/call/{callId}', scheme: 'User' },
  { method: 'GET', path: '/callCost/call/{callId}', scheme: 'Ext' },
  { method: 'PATCH', path: '/callCost/call/{callId}/changeApprovalStatus', scheme: 'Ext' },
  { method: 'POST', path: '/callCost/call/{callId}/expense', scheme: 'User' },
  { method: 'DELETE', path: '/callCost/call/{callId}/expense/{expenseId}', scheme: 'User' },
  { method: 'PATCH', path: '/callCost/call/{callId}/expense/{expenseId}', scheme: 'User' },
  { method: 'POST', path: '/callCost/call/{callId}/material', scheme: 'User' },
  { method: 'DELETE', path: '/callCost/call/{callId}/material/{materialId}', scheme: 'User' },
  { method: 'PATCH', path: '/callCost/call/{callId}/material/{materialId}', scheme: 'User' },
  { method: 'POST', path: '/callCost/status/call/{callId}', scheme: 'User' },
  { method: 'GET', path: '/calltask', scheme: 'Ext' },
  { method: 'GET', path: '/calltask/{id}', scheme: 'Ext' },
  { method: 'POST', path: '/calltask/{id}/attachment', scheme: 'User' },
  { method: 'GET', path: '/calltask/{id}/attachment/{attachmentId}', scheme: 'Ext' },
  { method: 'GET', path: '/calltask/{id}/attachment/{attachmentId}/download', scheme: 'User' },
  { method: 'GET', path: '/calltask/{id}/result', scheme: 'User' },
  { method: 'POST', path: '/calltask/{id}/status', scheme: 'User' },
  { method: 'POST', path: '/notification/readAll', scheme: 'User' },
  { method: 'POST', path: '/notification/{id}/read', scheme: 'User' },
  { method: 'GET', path: '/shared/call', scheme: 'none' },
  { method: 'POST', path: '/shared/call/done', scheme: 'none' },
  { method: 'POST', path: '/shared/callTask/{id}/attachment', scheme: 'none' },
  { method: 'GET', path: '/shared/callTask/{id}/attachment/{attachmentId}/download', scheme: 'none' },
  { method: 'GET', path: '/shared/callTask/{id}/result', scheme: 'none' },
  { method: 'PATCH', path: '/systemSettings', scheme: 'Ext' },
  { method: 'POST', path: '/user/register', scheme: 'Ext' },
  { method: 'GET', path: '/user/self', scheme: 'User' },
  { method: 'POST', path: '/user/signin', scheme: 'none' },
  { method: 'POST', path: '/user/token', scheme: 'Svc' },
  { method: 'POST', path: '/user/{id}/changePassword', scheme: 'Ext' },
  { method: 'POST', path: '/user/{id}/lock', scheme: 'Ext' },
];

/** A concrete URL of the endpoint: every `{param}` becomes 1. */
export function sampleUrl(endpoint: SpecEndpoint): string {
  return endpoint.path.replace(/\{[^}]+\}/g, '1');
}
