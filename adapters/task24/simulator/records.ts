import { randomUUID } from 'node:crypto';

/** What the simulator keeps: flat string records, the way task24 answers (digest §3.1). */
export type Record_ = Record<string, string | null>;

export interface HistoryEntry {
  id: string;
  view: string;
  owner: string;
  type: 'comment' | 'state';
  text: string;
  state?: string;
}

export interface TicketRecord extends Record_ {
  id: string;
  number: string;
  state: string;
}

export type StoredTicket = TicketRecord & { history: HistoryEntry[] };

export const OBJECT_TYPES = ['categories', 'users', 'clients', 'tickets'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** Input fields each object takes on `add`/`save` (digest §4). */
export const FIELDS: Record<ObjectType, readonly string[]> = {
  categories: ['name', 'clientcanview', 'parent'],
  users: [
    'name',
    'state',
    'phone',
    'email',
    'password',
    'role',
    'processinglimit',
    'workerpercent',
    'comment',
    'properties',
  ],
  clients: ['name', 'phone', 'address', 'lat', 'lng', 'email', 'contact', 'info', 'rank', 'accessweb'],
  tickets: [
    'date',
    'regdate',
    'acceptdate',
    'enddate',
    'priority',
    'state',
    'category',
    'subject',
    'description',
    'client',
    'name',
    'phone',
    'email',
    'contact',
    'address',
    'lat',
    'lng',
    'author',
    'worker',
    'planamount',
    'plansum',
    'amount',
    'sum',
    'supplysum',
    'total',
    'workerpercent',
    'workersum',
    'profitsum',
  ],
};

/** Allowed values of the enumerated fields (digest §4.2.1, 4.2.2, 4.3.1, 4.4.2). */
export const ENUMS: Record<string, Record<string, readonly string[]>> = {
  users: { state: ['draft', 'active', 'suspended', 'fired', 'blocked'], role: ['worker', 'operator', 'oprerator'] },
  clients: { rank: ['normal', 'vip', 'blocked'] },
  tickets: {
    state: ['opened', 'distributing', 'processing', 'completed', 'cancelled'],
    priority: ['wait', 'normal', 'high'],
  },
};

/**
 * Numeric ticket fields and their decimals, as the digest's `get` example shows them ("0.0" for
 * quantities and percents, "1500.00" for money).
 */
export const TICKET_NUMBERS: Record<string, 1 | 2> = {
  planamount: 1,
  amount: 1,
  workerpercent: 1,
  plansum: 2,
  sum: 2,
  supplysum: 2,
  total: 2,
  workersum: 2,
  profitsum: 2,
};

/** Input-only fields, never shown in a record. */
export const HIDDEN: Partial<Record<ObjectType, readonly string[]>> = { users: ['password'] };

export const newId = () => randomUUID();
