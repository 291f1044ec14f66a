import type { HttpClient, QueryParams, ResponseClassifier, Verdict } from '@callbridge/http';
import { z } from 'zod';
import type { Task24Config } from './config.js';
import { envelopeSchema, ticketSchema, type Ticket } from './schemas.js';

type ObjectType = 'categories' | 'users' | 'clients' | 'tickets';
type Method = 'get' | 'items' | 'add' | 'save' | 'delete';

/**
 * The task24 envelope read into the taxonomy (digest §3): `success !== true` is a failure whatever
 * the HTTP status; `invalid` and `denied` are fatal, a refused token needs new credentials, a body
 * that is not JSON is retried a few times.
 */
export const classifyEnvelope: ResponseClassifier = (response): Verdict | undefined => {
  if (response.status >= 500 || response.status === 429) return undefined;
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return response.status < 400
      ? { kind: 'retryable', code: 'TASK24_NOT_JSON', message: 'task24 answered with a non-JSON body' }
      : undefined;
  }
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    return { kind: 'fatal', code: 'TASK24_NO_ENVELOPE', message: 'task24 answered without its response envelope' };
  }
  if (envelope.data.success === true) return 'ok';
  const code = envelope.data.error ?? 'unknown';
  const message = `task24 error "${code}": ${envelope.data.errormsg ?? 'no message'}`;
  if (response.status === 401 || response.status === 403 || /token|auth/i.test(code)) {
    return { kind: 'reauth', code: 'TASK24_TOKEN', message };
  }
  return { kind: 'fatal', code: `TASK24_${code.toUpperCase()}`, message };
};

export interface Task24Client {
  getTicket(id: string): Promise<Ticket>;
  findTickets(filter: Record<string, string>): Promise<Ticket[]>;
  addTicket(fields: QueryParams): Promise<Ticket>;
  saveTicket(id: string, fields: QueryParams, options?: { repeatable?: boolean }): Promise<Ticket>;
  listCategories(): Promise<unknown[]>;
}

/**
 * The only code that speaks to task24: reads by GET, writes by POST form (keeps the token and long
 * descriptions out of URLs, digest §1.1/§2), both addressing styles, `testmode=1` in test mode.
 */
export function createTask24Client(http: HttpClient, token: string, config: Task24Config): Task24Client {
  async function send(type: ObjectType, method: Method, params: QueryParams, repeatable: boolean): Promise<unknown> {
    const path = config.addressing === 'path' ? `${type}/${method}` : type;
    const all: QueryParams = {
      ...(config.addressing === 'param' ? { method } : {}),
      token,
      ...(config.testMode ? { testmode: 1 } : {}),
      ...params,
    };
    const read = method === 'get' || method === 'items';
    const response = await http.request({
      method: read ? 'GET' : 'POST',
      path,
      ...(read ? { query: all } : { body: { form: all } }),
      idempotent: read || repeatable,
      classify: classifyEnvelope,
      operation: `task24.${type}.${method}`,
    });
    return envelopeSchema.parse(response.json()).data;
  }

  return {
    async getTicket(id) {
      return ticketSchema.parse(await send('tickets', 'get', { id }, true));
    },
    async findTickets(filter) {
      return z.array(ticketSchema).parse(await send('tickets', 'items', { filter: JSON.stringify(filter) }, true));
    },
    async addTicket(fields) {
      return ticketSchema.parse(await send('tickets', 'add', fields, false));
    },
    async saveTicket(id, fields, options = {}) {
      return ticketSchema.parse(await send('tickets', 'save', { id, ...fields }, options.repeatable ?? false));
    },
    async listCategories() {
      return z.array(z.unknown()).parse(await send('categories', 'items', {}, true));
    },
  };
}
