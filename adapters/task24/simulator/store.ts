import { formatLocal, shortDate } from './local-time.js';
import {
  ENUMS,
  FIELDS,
  HIDDEN,
  TICKET_NUMBERS,
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

const isNumber = (value: string) => value.trim() !== '' && Number.isFinite(Number(value));

/** Stand-in for task24's geocoding: stable coordinates around Moscow derived from the address text. */
function geocode(address: string): { lat: string; lng: string } {
  let hash = 0;
  for (const char of address) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return { lat: (55.5 + (hash % 5000) / 10000).toFixed(6), lng: (37.3 + ((hash >>> 13) % 6000) / 10000).toFixed(6) };
}

const DATE_FIELDS = new Set(['date', 'regdate', 'acceptdate', 'enddate']);
const STAT_STATES = ['opened', 'distributing', 'processing', 'completed', 'cancelled'] as const;
const CLIENT_CARD_FIELDS = ['name', 'phone', 'email', 'contact', 'address', 'lat', 'lng'] as const;

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

  constructor(readonly timeZone: string) {
    formatLocal(new Date(), timeZone); // throws a RangeError at start-up for an unknown zone
  }

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

    // Exact matching of scalars only; lists or ranges are not documented (digest §5).
    const wanted: [string, string][] = Object.entries(fields).map(([field, value]) => {
      if (value === null) return [field, ''];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return [field, String(value)];
      }
      throw invalid(field, JSON.stringify(value));
    });

    const matching = [...this.tables[type].values()].filter((record) => {
      for (const [field, value] of wanted) if ((record[field] ?? '') !== value) return false;
      if (dateField && (fromDate || toDate)) {
        const date = record[dateField];
        if (!date) return false;
        if (fromDate && date < fromDate) return false;
        if (toDate && date > toDate) return false;
      }
      return true;
    });
    // `items` answers summary records: everything but the history, which only `get` carries.
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
    if (type !== 'tickets' && !record.name) throw invalid('name', record.name ?? undefined);
    if (type === 'tickets') this.newTicket(record as StoredTicket, params);
    if (type === 'categories') {
      record.clientcanview ??= '0';
      record.parent ??= null;
    }
    if (type === 'users') {
      const defaults = { state: 'draft', role: 'worker', processinglimit: '', workerpercent: '', properties: '{}' };
      Object.assign(record, { ...defaults, paid: '0', photoloaded: '0', smscount: '0', ...record });
    }
    if (type === 'clients') {
      record.rank ??= 'normal';
      record.accessweb ??= '0';
      if (record.address && !record.lat && !record.lng) Object.assign(record, geocode(record.address));
    }
    if (type === 'users' || type === 'clients') record.regdate = this.now();
    // Test mode shows the number the ticket would get, without taking it.
    if (type === 'tickets')
      (record as StoredTicket).number = String(testMode ? this.ticketNumber + 1 : ++this.ticketNumber);
    if (testMode) return this.view(type, record);
    this.tables[type].set(record.id!, record);
    return this.view(type, record);
  }

  save(type: ObjectType, params: Record<string, string>, testMode: boolean): Record_ {
    const existing = params.id ? this.tables[type].get(params.id) : undefined;
    if (!existing) throw invalid('id', params.id);
    const { regdate: _regdate, author: _author, ...changes } = this.fields(type, params);
    if (type !== 'tickets' && 'name' in changes && !changes.name) throw invalid('name', '');
    const record: Record_ = { ...structuredClone(existing), ...changes };
    if (type === 'clients' && changes.address !== undefined && changes.address !== existing.address) {
      if (params.lat === undefined && params.lng === undefined) Object.assign(record, geocode(changes.address ?? ''));
    }
    if (type === 'tickets') {
      if (params.client !== undefined || params.phone !== undefined || params.email !== undefined) {
        this.fillClient(record as StoredTicket, params);
      }
      this.recomputeTotal(record, params);
      this.changeTicket(existing as StoredTicket, record as StoredTicket, params);
    }
    if (testMode) return this.view(type, record);
    this.tables[type].set(record.id!, record);
    return this.view(type, record);
  }

  delete(type: ObjectType, id: string | undefined, testMode: boolean): true {
    if (!id || !this.tables[type].has(id)) throw invalid('id', id);
    if (type === 'categories' && [...this.tables.categories.values()].some((category) => category.parent === id)) {
      throw new Task24Refusal('denied', 'operation denied: the category has subcategories', { id });
    }
    if (!testMode) this.tables[type].delete(id);
    return true;
  }

  /**
   * A person in task24 changes a ticket (the worker control of the simulator). The history names
   * the ticket's worker, or `fallbackOwner` when nobody is assigned.
   */
  act(ticketId: string, change: { state?: string; comment?: string; at?: Date }, fallbackOwner: string): void {
    const existing = this.tables.tickets.get(ticketId) as StoredTicket | undefined;
    if (!existing) throw new Error(`no ticket ${ticketId}`);
    const record = structuredClone(existing);
    const at = change.at ? formatLocal(change.at, this.timeZone) : undefined;
    if (change.state) record.state = change.state;
    if (at && change.state === 'processing') record.acceptdate = at;
    if (at && change.state === 'completed') record.enddate = at;
    const owner = (existing.worker && this.tables.users.get(existing.worker)?.name) || fallbackOwner;
    this.changeTicket(existing, record, { ...(change.comment ? { comment: change.comment } : {}) }, owner);
    this.tables.tickets.set(ticketId, record);
  }

  private newTicket(ticket: StoredTicket, params: Record<string, string>) {
    for (const field of FIELDS.tickets) ticket[field] ??= null;
    for (const [field, decimals] of Object.entries(TICKET_NUMBERS)) ticket[field] ??= (0).toFixed(decimals);
    ticket.state ??= 'opened';
    ticket.priority ??= 'normal';
    ticket.regdate ??= this.now();
    ticket.comment = null;
    ticket.properties = '{"style":""}';
    this.fillClient(ticket, params);
    this.recomputeTotal(ticket, params);
    ticket.history = [];
    if (ticket.state === 'processing') ticket.acceptdate ??= this.now();
    if (ticket.state === 'completed') ticket.enddate ??= this.now();
    if (params.comment) ticket.history.push(this.entry('comment', params.comment, 'API'));
  }

  /** `total = sum − supplysum` (digest §4.4.1) unless the request gives `total` itself. */
  private recomputeTotal(ticket: Record_, params: Record<string, string>) {
    if (params.total !== undefined || (params.sum === undefined && params.supplysum === undefined)) return;
    ticket.total = (Number(ticket.sum ?? 0) - Number(ticket.supplysum ?? 0)).toFixed(2);
  }

  private changeTicket(before: StoredTicket, after: StoredTicket, params: Record<string, string>, owner = 'API') {
    after.history = [...before.history];
    if (after.state !== before.state) {
      // A state change stamps its date unless the request (or the person acting) gave one.
      if (after.state === 'processing' && after.acceptdate === before.acceptdate) after.acceptdate = this.now();
      if (after.state === 'completed' && after.enddate === before.enddate) after.enddate = this.now();
      after.history.push({
        ...this.entry('state', params.comment || `state: ${after.state}`, owner),
        state: after.state,
      });
    } else if (params.comment) {
      after.history.push(this.entry('comment', params.comment, owner));
    }
  }

  private entry(type: HistoryEntry['type'], text: string, owner: string): HistoryEntry {
    return { id: newId(), view: this.now(), owner, type, text };
  }

  /**
   * The client lookups of §4.4.1: `client` fills the card fields the request left out; `phone`
   * without `client` does the same from the card with that phone; `email` without `client`
   * overwrites them from the card with that e-mail, even the ones the request gave.
   */
  private fillClient(ticket: StoredTicket, params: Record<string, string>) {
    const clients = [...this.tables.clients.values()];
    const byEmail = !params.client && Boolean(params.email);
    const card = params.client
      ? this.tables.clients.get(params.client)
      : byEmail
        ? clients.find((client) => client.email === params.email)
        : params.phone
          ? clients.find((client) => client.phone === params.phone)
          : undefined;
    if (params.client && !card) throw invalid('client', params.client);
    if (!card) return;
    ticket.client = card.id ?? null;
    for (const field of CLIENT_CARD_FIELDS) {
      if (byEmail || params[field] === undefined) ticket[field] = card[field] ?? null;
    }
  }

  private fields(type: ObjectType, params: Record<string, string>): Record_ {
    const record: Record_ = {};
    for (const field of FIELDS[type]) {
      const value = params[field];
      if (value === undefined) continue;
      const allowed = ENUMS[type]?.[field];
      const decimals = type === 'tickets' ? TICKET_NUMBERS[field] : undefined;
      if (allowed && !allowed.includes(value)) throw invalid(field, value);
      if (DATE_FIELDS.has(field)) {
        const date = value === '' ? null : normaliseDate(value);
        if (value !== '' && !date) throw invalid(field, value);
        record[field] = date;
      } else if (decimals !== undefined) {
        if (value !== '' && !isNumber(value)) throw invalid(field, value);
        record[field] = Number(value || 0).toFixed(decimals);
      } else if ((field === 'lat' || field === 'lng') && value !== '' && !isNumber(value)) {
        throw invalid(field, value);
      } else if (
        (field === 'category' && value && !this.tables.categories.has(value)) ||
        (field === 'worker' && value && !this.tables.users.has(value)) ||
        (field === 'parent' && value && !this.tables.categories.has(value))
      ) {
        throw invalid(field, value);
      } else if (field === 'properties' && value !== '' && !isJsonObject(value)) {
        throw invalid(field, value);
      } else {
        record[field] =
          value === '' && (field === 'category' || field === 'worker' || field === 'parent') ? null : value;
      }
    }
    return record;
  }

  /** The record as the API shows it: display twins and `view` added, input-only fields dropped. */
  private view(type: ObjectType, record: Record_): Record_ {
    const name = (table: ObjectType, id: string | null | undefined) =>
      id ? (this.tables[table].get(id)?.name ?? null) : null;
    const shown: Record_ & { history?: unknown } = { ...structuredClone(record), __owner: 'API' };
    for (const field of HIDDEN[type] ?? []) delete shown[field];
    if (type === 'tickets') {
      shown.__category = name('categories', record.category);
      shown.__client = name('clients', record.client);
      shown.__worker = name('users', record.worker);
      shown.__author = name('users', record.author) ?? 'API';
      shown.clientrank = record.client ? (this.tables.clients.get(record.client)?.rank ?? null) : null;
      shown.view = `№${record.number} от ${shortDate(record.date ?? record.regdate ?? '')}`;
    } else {
      shown.view = record.name ?? null;
      if (type === 'categories') shown.__parent = name('categories', record.parent);
      if (type === 'users') {
        const busy = [...this.tables.tickets.values()].filter(
          (ticket) => ticket.worker === record.id && ticket.state === 'processing',
        );
        shown.processingcount = String(busy.length);
      }
    }
    return shown;
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
