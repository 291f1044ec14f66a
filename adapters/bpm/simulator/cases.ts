import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** Appendix 1 of the source: status codes and the names returned in `status`. */
export const STATUS_NAMES: Readonly<Record<number, string>> = {
  1: 'Требует Вашего внимания',
  2: 'Предоставлено решение',
  3: 'В работе',
  4: 'Открыто',
  5: 'Закрыто',
  6: 'Переоткрыто',
};

export const STATUS = { attention: 1, solved: 2, inProgress: 3, open: 4, closed: 5, reopened: 6 } as const;

export type Direction = 'participant' | 'support';

export interface MessageRecord {
  id: string;
  createdon: string;
  text: string;
  author: string;
  direction: Direction;
}

export interface FileRecord {
  id: string;
  name: string;
  size: number;
  createdon: string;
  author: string;
  direction: Direction;
  content: Buffer;
}

export interface CaseRecord {
  id: string;
  number: string;
  subject: string;
  symptoms: string;
  priority: number;
  status: string;
  statuscode: number;
  statusdate: string;
  createdon: string;
  modifiedon: string;
  solution: string;
  satisfactionlevel: number;
  satisfactioncomment: string;
  /** Login of the portal user who created the case (for `availability_level = 0`). */
  owner: string;
  messages: MessageRecord[];
  files: FileRecord[];
}

/** A refusal answered as `ok: false` with this text. */
export class BpmRefusal extends Error {}

export const SPECIALIST = 'Специалист СТП';

const intLike = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\s*-?\d+\s*$/)
    .transform(Number),
]);

const createSchema = z.object({
  subject: z.string().trim().min(1),
  symptoms: z.string().trim().min(1),
  priority: intLike.pipe(z.number().min(1).max(4)).optional(),
});

const messageSchema = z.object({ number: z.string().min(1), text: z.string().trim().min(1) });

const updateSchema = z.object({
  number: z.string().min(1),
  status: z.enum(['close', 'reopen']),
  satisfactionlevel: intLike.pipe(z.number().min(1).max(5)).optional(),
  satisfactioncomment: z.string().optional(),
  statuscode: intLike.optional(),
  statusdate: z.string().optional(),
});

const listSchema = z.object({
  numbers: z.union([z.string(), z.array(z.string())]).optional(),
  statuscode: z.union([intLike, z.array(intLike)]).optional(),
  count: intLike.pipe(z.number().min(0)).optional(),
  skip: intLike.pipe(z.number().min(0)).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  search_line: z.string().optional(),
  availability_level: z.union([z.enum(['0', '1']), z.literal(0), z.literal(1)]).optional(),
  sort: z.enum(['statuscode', 'modifiedon']).optional(),
});
type ListParams = z.infer<typeof listSchema>;

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new BpmRefusal(`Invalid parameter ${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`);
}

const MOSCOW_MS = 3 * 3600_000;

/** Dates go out as ISO 8601 in Moscow time with an explicit offset. */
export const formatDate = (epoch: number) => new Date(epoch + MOSCOW_MS).toISOString().slice(0, 23) + '+03:00';

/**
 * A `from`/`to` filter value: ISO 8601 with an offset, or a naive ISO / `dd.MM.yyyy[ HH:mm[:ss]]` time read
 * as Moscow time. A date without a time in `to` covers that whole day.
 */
export function parseFilterDate(value: string, end: boolean): number {
  const text = value.trim();
  if (/(Z|[+-]\d\d:?\d\d)$/i.test(text)) {
    const epoch = Date.parse(text);
    if (!Number.isNaN(epoch)) return epoch;
  }
  const iso = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3}))?)?)?$/.exec(text);
  const ru = /^(\d\d)\.(\d\d)\.(\d{4})(?: (\d\d):(\d\d)(?::(\d\d))?)?$/.exec(text);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7]?.padEnd(3, '0')]
    : ru
      ? [ru[3], ru[2], ru[1], ru[4], ru[5], ru[6], undefined]
      : undefined;
  if (!parts) throw new BpmRefusal(`Invalid date: ${value}`);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0] = parts.map((part) =>
    Number(part ?? 0),
  );
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw new BpmRefusal(`Invalid date: ${value}`);
  }
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second, millis) - MOSCOW_MS;
  return end && parts[3] === undefined ? epoch + 86_400_000 - 1 : epoch;
}

function listOfNumbers(value: string | string[]): string[] {
  if (Array.isArray(value)) return value;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      throw new BpmRefusal('Invalid parameter numbers');
    }
  }
  return text
    .split(',')
    .map((number) => number.trim())
    .filter(Boolean);
}

const copyCase = (record: CaseRecord): CaseRecord => ({
  ...record,
  messages: record.messages.map((message) => ({ ...message })),
  files: record.files.map((file) => ({ ...file, content: Buffer.from(file.content) })),
});

/** The in-memory case register and the semantics of the six case services. */
export class CaseStore {
  private readonly byNumber = new Map<string, CaseRecord>();
  private readonly epochs = new Map<string, { created: number; modified: number }>();
  private sequence = 0;
  private lastEpoch = 0;
  /** Origin used in file links; set once the server listens. */
  baseUrl = '';

  /** Strictly increasing, so every change gets its own `modifiedon` and the sort is stable. */
  private tick(): number {
    this.lastEpoch = Math.max(Date.now(), this.lastEpoch + 1);
    return this.lastEpoch;
  }

  private find(number: string): CaseRecord {
    const record = this.byNumber.get(number.trim());
    if (!record) throw new BpmRefusal('Case not found');
    return record;
  }

  private touch(record: CaseRecord, epoch = this.tick()): string {
    record.modifiedon = formatDate(epoch);
    this.epochs.get(record.number)!.modified = epoch;
    return record.modifiedon;
  }

  private setStatusCode(record: CaseRecord, code: number) {
    const epoch = this.tick();
    record.statuscode = code;
    record.status = STATUS_NAMES[code]!;
    record.statusdate = formatDate(epoch);
    this.touch(record, epoch);
  }

  create(input: unknown, owner: string): string {
    const { subject, symptoms, priority } = parse(createSchema, input);
    const epoch = this.tick();
    this.sequence += 1;
    const number = `SR${String(this.sequence).padStart(8, '0')}`;
    const at = formatDate(epoch);
    this.byNumber.set(number, {
      id: randomUUID(),
      number,
      subject,
      symptoms,
      priority: priority ?? 1,
      status: STATUS_NAMES[STATUS.open]!,
      statuscode: STATUS.open,
      statusdate: at,
      createdon: at,
      modifiedon: at,
      solution: '',
      satisfactionlevel: 0,
      satisfactioncomment: '',
      owner,
      messages: [],
      files: [],
    });
    this.epochs.set(number, { created: epoch, modified: epoch });
    return number;
  }

  /** The case as the API returns it; `messages` is a JSON string in lists (the source types it so). */
  wire(record: CaseRecord, messagesAsString = false): Record<string, unknown> {
    const { owner: _owner, messages, files, ...fields } = record;
    const wireMessages = messages.map(({ id, createdon, text, author, direction }) => ({
      id,
      createdon,
      text,
      author,
      direction,
    }));
    return {
      ...fields,
      messages: messagesAsString ? JSON.stringify(wireMessages) : wireMessages,
      files: files.map(({ id, name, size, createdon, author, direction }) => ({
        id,
        name,
        size,
        createdon,
        author,
        direction,
        url: `${this.baseUrl}/0/ssp/rest/PublicWebServices/file/${id}`,
      })),
    };
  }

  get(number: string): Record<string, unknown> {
    return this.wire(this.find(number));
  }

  addMessage(input: unknown, author: string, direction: Direction): string {
    const { number, text } = parse(messageSchema, input);
    const record = this.find(number);
    const epoch = this.tick();
    const message = { id: randomUUID(), createdon: formatDate(epoch), text, author, direction };
    record.messages.push(message);
    this.touch(record, epoch);
    return message.id;
  }

  addFile(params: URLSearchParams, content: Buffer, author: string): void {
    const number = params.get('number')?.trim();
    const name = params.get('filename')?.trim();
    const total = params.get('totallength');
    if (!number) throw new BpmRefusal('Invalid parameter number: required');
    if (!name) throw new BpmRefusal('Invalid parameter filename: required');
    if (!total || !/^\d+$/.test(total)) throw new BpmRefusal('Invalid parameter totallength: integer required');
    const record = this.find(number);
    if (content.length === 0) throw new BpmRefusal('File not found');
    if (Number(total) !== content.length) {
      throw new BpmRefusal(`totallength ${total} does not match the received ${content.length} bytes`);
    }
    const epoch = this.tick();
    record.files.push({
      id: randomUUID(),
      name,
      size: content.length,
      createdon: formatDate(epoch),
      author,
      direction: 'participant',
      content: Buffer.from(content),
    });
    this.touch(record, epoch);
  }

  file(id: string): FileRecord | undefined {
    for (const record of this.byNumber.values()) {
      const found = record.files.find((file) => file.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** `update_case`: close from any open status, reopen only from 1 with a solution; the rating only then too. */
  update(input: unknown): string {
    const params = parse(updateSchema, input);
    const record = this.find(params.number);
    const awaiting = record.statuscode === STATUS.attention && record.solution.trim() !== '';
    const rated = params.satisfactionlevel !== undefined || params.satisfactioncomment !== undefined;
    if (rated && !awaiting) {
      throw new BpmRefusal('Satisfaction can be given only for a case requiring your attention with a solution');
    }
    if (params.status === 'close' && record.statuscode === STATUS.closed)
      throw new BpmRefusal('Case is already closed');
    if (params.status === 'reopen' && !awaiting) {
      throw new BpmRefusal('Reopen is available only for a case requiring your attention with a solution');
    }
    if (params.satisfactionlevel !== undefined) record.satisfactionlevel = params.satisfactionlevel;
    if (params.satisfactioncomment !== undefined) record.satisfactioncomment = params.satisfactioncomment;
    this.setStatusCode(record, params.status === 'close' ? STATUS.closed : STATUS.reopened);
    return record.number;
  }

  list(input: unknown, user: string): { count: number; data: Record<string, unknown>[]; pagecount: number } {
    const filled =
      input && typeof input === 'object'
        ? Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== ''))
        : {};
    const params: ListParams = parse(listSchema, filled);
    if (Object.values(params).every((value) => value === undefined)) {
      throw new BpmRefusal('At least one parameter must be filled');
    }
    const numbers = params.numbers === undefined ? undefined : new Set(listOfNumbers(params.numbers));
    const codes =
      params.statuscode === undefined ? undefined : new Set([params.statuscode].flat().map((code) => Number(code)));
    const from = params.from === undefined ? undefined : parseFilterDate(params.from, false);
    const to = params.to === undefined ? undefined : parseFilterDate(params.to, true);
    const needle = params.search_line?.trim().toLowerCase();
    const ownOnly = String(params.availability_level ?? '1') === '0';
    const epoch = (record: CaseRecord) => this.epochs.get(record.number)!;

    const matching = [...this.byNumber.values()].filter(
      (record) =>
        (!numbers || numbers.has(record.number)) &&
        (!codes || codes.has(record.statuscode)) &&
        (from === undefined || epoch(record).created >= from) &&
        (to === undefined || epoch(record).created <= to) &&
        (!needle || `${record.subject}\n${record.symptoms}`.toLowerCase().includes(needle)) &&
        (!ownOnly || record.owner === user),
    );
    const newestFirst = (a: CaseRecord, b: CaseRecord) => epoch(b).modified - epoch(a).modified;
    if (params.sort === 'modifiedon') matching.sort(newestFirst);
    else if (params.sort === 'statuscode') matching.sort((a, b) => a.statuscode - b.statuscode || newestFirst(a, b));
    else matching.sort((a, b) => epoch(a).created - epoch(b).created);

    const skip = params.skip ?? 0;
    const page = matching.slice(skip, params.count === undefined ? undefined : skip + params.count);
    return { count: page.length, data: page.map((record) => this.wire(record, true)), pagecount: matching.length };
  }

  setStatus(number: string, code: number, solution?: string): void {
    if (!STATUS_NAMES[code]) throw new Error(`unknown status code ${code}`);
    const record = this.find(number);
    if (solution !== undefined) record.solution = solution;
    this.setStatusCode(record, code);
  }

  supportMessage(number: string, text: string): string {
    return this.addMessage({ number, text }, SPECIALIST, 'support');
  }

  records(): CaseRecord[] {
    return [...this.byNumber.values()].map(copyCase);
  }
}
