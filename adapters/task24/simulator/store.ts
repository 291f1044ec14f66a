import { formatLocal } from '../src/local-time.js';
import {
  ENUMS,
  FIELDS,
  newId,
  type HistoryEntry,
  type ObjectType,
  type Record_,
  type StoredTicket,
} from './records.js';

/** A request the simulator refuses, answered in the envelope with its code (digest §3). */
export class Task24Refusal extends Error {
  constructor(
    readonly code: 'invalid' | 'denied',
    message: string,
    readonly errors: Record<string, string> = {},
  ) {
    super(message);
  }
}

const invalid = (field: string, value: string | undefined) =>
  new Task24Refusal('invalid', 'invalid parameter', { [field]: value ?? '' });

/** Dates given as "YYYY-MM-DD" or "YYYY-MM-DD HH:mm[:ss]", kept as "YYYY-MM-DD HH:mm:ss". */
function normaliseDate(value: string, endOfDay = false): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(:\d{2})?)?$/.exec(value.trim());
  if (!match) return null;
  if (!match[2]) return `${match[1]} ${endOfDay ? '23:59:59' : '00:00:00'}`;
  return `${match[1]} ${match[2]}${match[3] ?? ':00'}`;
}

const DATE_FIELDS = new Set(['date', 'regdate', 'acceptdate', 'enddate']);
const STAT_STATES = ['opened', 'distributing', 'processing', 'completed', 'cancelled'] as const;

/**
 * The account's data: categories, users, clients and tickets with their history, and the rules
 * of digest §4 (defaults, enums, the client lookups, state dates, the state-dependent from/to).
 */
export class Task24Store {
  private readonly tables: Record<ObjectType, Map<string, Record_>> = {
    categories: new Map(),
    users: new Map(),
    clients: new Map(),
    tickets: new Map(),
  };
  private ticketNumber = 0;

  constructor(readonly timeZone: string) {}

  now(): string {
    return formatLocal(new Date(), this.timeZone);
  }

  tickets(): StoredTicket[] {
    return [...this.tables.tickets.values()].map((ticket) => structuredClone(ticket) as StoredTicket);
  }

  get(type: ObjectType, id: string | undefined): Record_ {
    const record = id ? this.tables[type].get(id) : undefined;
    if (!record) throw invalid('id', id);
    return this.view(type, record);
  }

  items(type: ObjectType, filterText: string | undefined): { data: Record_[]; stat?: Record<string, number> } {
    let filter: Record<string, unknown> = {};
    if (filterText) {
      try {
        filter = JSON.parse(filterText) as Record<string, unknown>;
      } catch {
        throw invalid('filter', filterText);
      }
      if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw invalid('filter', filterText);
    }
    const { from, to, ...fields } = filter;
    const dateField =
      type !== 'tickets'
        ? null
        : fields.state === 'processing'
          ? 'acceptdate'
          : fields.state === 'completed'
            ? 'enddate'
            : 'date';
    const fromDate = typeof from === 'string' ? normaliseDate(from) : null;
    const toDate = typeof to === 'string' ? normaliseDate(to, true) : null;
    if (from !== undefined && !fromDate) throw invalid('from', JSON.stringify(from));
    if (to !== undefined && !toDate) throw invalid('to', JSON.stringify(to));

    const matching = [...this.tables[type].values()].filter((record) => {
      for (const [field, value] of Object.entries(fields)) if ((record[field] ?? '') !== String(value)) return false;
      if (dateField && (fromDate || toDate)) {
        const date = record[dateField];
        if (!date) return false;
        if (fromDate && date < fromDate) return false;
        if (toDate && date > toDate) return false;
      }
      return true;
    });
    const data = matching.map((record) => {
      const { history: _history, ...summary } = this.view(type, record) as Record_ & { history?: unknown };
      return summary;
    });
    if (type !== 'tickets') return { data };
    const stat: Record<string, number> = { all: matching.length };
    for (const state of STAT_STATES) stat[state] = matching.filter((record) => record.state === state).length;
    return { data, stat };
  }

  add(type: ObjectType, params: Record<string, string>, testMode: boolean): Record_ {
    const record: Record_ = { id: newId(), ...this.fields(type, params) };
    if (type === 'tickets') this.newTicket(record as StoredTicket, params);
    if (type === 'users') record.state ??= 'draft';
    if (type === 'clients') record.rank ??= 'normal';
    if (type === 'categories') record.clientcanview ??= '0';
    if (type === 'users' || type === 'clients') record.regdate = this.now();
    if (!record.name && type !== 'tickets') throw invalid('name', undefined);
    if (testMode) return this.view(type, record);
    if (type === 'tickets') (record as StoredTicket).number = String(++this.ticketNumber);
    this.tables[type].set(record.id!, record);
    return this.view(type, record);
  }

  save(type: ObjectType, params: Record<string, string>, testMode: boolean): Record_ {
    const existing = params.id ? this.tables[type].get(params.id) : undefined;
    if (!existing) throw invalid('id', params.id);
    const { regdate: _regdate, author: _author, ...changes } = this.fields(type, params);
    const record: Record_ = { ...structuredClone(existing), ...changes };
    if (type === 'tickets') this.changeTicket(existing as StoredTicket, record as StoredTicket, params);
    if (testMode) return this.view(type, record);
    this.tables[type].set(record.id!, record);
    return this.view(type, record);
  }

  delete(type: ObjectType, id: string | undefined, testMode: boolean): true {
    if (!id || !this.tables[type].has(id)) throw invalid('id', id);
    if (type === 'categories' && [...this.tables.categories.values()].some((category) => category.parent === id)) {
      throw new Task24Refusal('denied', 'operation denied: the category has subcategories');
    }
    if (!testMode) this.tables[type].delete(id);
    return true;
  }

  /** A person in task24 changes a ticket (the worker control of the simulator). */
  act(ticketId: string, change: { state?: string; comment?: string; at?: Date }, owner: string): void {
    const existing = this.tables.tickets.get(ticketId) as StoredTicket | undefined;
    if (!existing) throw new Error(`no ticket ${ticketId}`);
    const record = structuredClone(existing);
    const at = change.at ? formatLocal(change.at, this.timeZone) : undefined;
    if (change.state) record.state = change.state;
    if (at && change.state === 'processing') record.acceptdate = at;
    if (at && change.state === 'completed') record.enddate = at;
    this.changeTicket(existing, record, { ...(change.comment ? { comment: change.comment } : {}) }, owner);
    this.tables.tickets.set(ticketId, record);
  }

  private newTicket(ticket: StoredTicket, params: Record<string, string>) {
    ticket.state ??= 'opened';
    ticket.priority ??= 'normal';
    ticket.regdate ??= this.now();
    ticket.number = '0';
    this.fillClient(ticket, params);
    ticket.history = [];
    if (ticket.state === 'processing') ticket.acceptdate ??= this.now();
    if (ticket.state === 'completed') ticket.enddate ??= this.now();
    if (params.comment) ticket.history.push(this.entry('comment', params.comment, 'API'));
  }

  private changeTicket(before: StoredTicket, after: StoredTicket, params: Record<string, string>, owner = 'API') {
    after.history = [...before.history];
    if (after.state !== before.state) {
      // A state change stamps its date unless the request (or the person acting) gave one.
      if (after.state === 'processing' && after.acceptdate === before.acceptdate) after.acceptdate = this.now();
      if (after.state === 'completed' && after.enddate === before.enddate) after.enddate = this.now();
      after.history.push({
        ...this.entry('state', params.comment ?? `state: ${after.state}`, owner),
        state: after.state,
      });
    } else if (params.comment) {
      after.history.push(this.entry('comment', params.comment, owner));
    }
  }

  private entry(type: HistoryEntry['type'], text: string, owner: string): HistoryEntry {
    return { id: newId(), view: this.now(), owner, type, text };
  }

  /** `client` fills what the request left out; `phone`/`email` without `client` look the card up (§4.4.1). */
  private fillClient(ticket: StoredTicket, params: Record<string, string>) {
    const clients = [...this.tables.clients.values()];
    const card = params.client
      ? this.tables.clients.get(params.client)
      : params.email
        ? clients.find((client) => client.email === params.email)
        : params.phone
          ? clients.find((client) => client.phone === params.phone)
          : undefined;
    if (params.client && !card) throw invalid('client', params.client);
    if (!card) return;
    ticket.client = card.id ?? null;
    const overwrite = Boolean(params.email) && !params.client;
    for (const field of ['name', 'phone', 'email', 'contact', 'address', 'lat', 'lng']) {
      if (overwrite || !ticket[field]) ticket[field] = card[field] ?? null;
    }
  }

  private fields(type: ObjectType, params: Record<string, string>): Record_ {
    const record: Record_ = {};
    for (const field of FIELDS[type]) {
      const value = params[field];
      if (value === undefined) continue;
      const allowed = ENUMS[type]?.[field];
      if (allowed && !allowed.includes(value)) throw invalid(field, value);
      if (DATE_FIELDS.has(field)) {
        const date = value === '' ? null : normaliseDate(value);
        if (value !== '' && !date) throw invalid(field, value);
        record[field] = date;
      } else if (
        (field === 'category' && value && !this.tables.categories.has(value)) ||
        (field === 'worker' && value && !this.tables.users.has(value))
      ) {
        throw invalid(field, value);
      } else {
        record[field] = value;
      }
    }
    return record;
  }

  /** The record as the API shows it: display twins and `view` added. */
  private view(type: ObjectType, record: Record_): Record_ {
    const name = (table: ObjectType, id: string | null | undefined) =>
      id ? (this.tables[table].get(id)?.name ?? null) : null;
    const shown: Record_ & { history?: unknown } = { ...structuredClone(record), __owner: 'API' };
    if (type === 'tickets') {
      shown.__category = name('categories', record.category);
      shown.__client = name('clients', record.client);
      shown.__worker = name('users', record.worker);
      shown.__author = name('users', record.author) ?? 'API';
      shown.view = `№${record.number} от ${record.regdate ?? ''}`;
    } else {
      shown.view = record.name ?? null;
      if (type === 'categories') shown.__parent = name('categories', record.parent);
    }
    return shown;
  }
}
