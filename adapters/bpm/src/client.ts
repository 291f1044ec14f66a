import { isHttpError, type HttpClient, type HttpRequest, type ResponseClassifier } from '@callbridge/http';
import { z } from 'zod';
import type { BpmConfig, BpmCredentials } from './config.js';
import { caseSchema, envelopeSchema, type BpmCase } from './schemas.js';
import { bpmSession } from './session.js';

const SERVICES = '0/ssp/rest/PublicWebServices/';
export const RATE_LIMITED = 'Exceeded the maximum number of request per minute';

/**
 * A case service's answer in the taxonomy (digest §8): the per-minute limit is retryable at the next
 * minute and was not acted on; 401/403 or a page instead of JSON means the session is gone; any
 * other `ok: false` or error text is fatal for that request.
 */
export const classifyCaseService: ResponseClassifier = (response) => {
  const body = response.text();
  if (body.includes(RATE_LIMITED) || response.status === 429) {
    const untilNextMinute = 60_000 - (Date.now() % 60_000);
    return { kind: 'retryable', code: 'BPM_RATE_LIMITED', retryAfterMs: untilNextMinute + 250, processed: false };
  }
  if (response.status >= 500) return undefined;
  if (response.status === 401 || response.status === 403) {
    return { kind: 'reauth', code: `HTTP_${response.status}`, message: 'BPM refused the session' };
  }
  let envelope;
  try {
    envelope = envelopeSchema.safeParse(JSON.parse(body));
  } catch {
    return { kind: 'reauth', code: 'BPM_NOT_JSON', message: 'BPM answered with a page, not JSON (session expired)' };
  }
  if (!envelope.success)
    return { kind: 'fatal', code: 'BPM_NO_ENVELOPE', message: 'BPM answered without its envelope' };
  const error = envelope.data.error || envelope.data.error_message;
  if (envelope.data.ok === false || error) {
    return { kind: 'fatal', code: 'BPM_ERROR', message: `BPM error: ${error || 'ok is false'}` };
  }
  return response.status < 300 ? 'ok' : undefined;
};

export interface CaseQuery {
  numbers?: string[];
  search_line?: string;
  sort?: 'modifiedon' | 'statuscode';
  count?: number;
  skip?: string;
  availability_level?: '0' | '1';
}

export type BpmClient = ReturnType<typeof createBpmClient>;

/** The only code that speaks to BPM: the six case services over the cookie session (digest §4). */
export function createBpmClient(http: HttpClient, credentials: BpmCredentials, config: BpmConfig) {
  const session = bpmSession(http, credentials, config);

  async function service(request: HttpRequest & { path: string }): Promise<unknown> {
    const send = async (token: string) =>
      http.request({
        ...request,
        path: `${SERVICES}${request.path}`,
        headers: { BPMCSRF: token },
        classify: classifyCaseService,
      });
    const token = await session.csrfToken();
    let response;
    try {
      response = await send(token);
    } catch (error) {
      if (!isHttpError(error) || error.kind !== 'reauth') throw error;
      await session.renew(token);
      response = await send(await session.csrfToken());
    }
    return envelopeSchema.parse(response.json()).data;
  }

  return {
    /** §4.1 `GET case/{number}`: the case with its messages. */
    async getCase(number: string): Promise<BpmCase> {
      const data = await service({
        method: 'GET',
        path: `case/${encodeURIComponent(number)}`,
        operation: 'bpm.case.get',
      });
      return caseSchema.parse(Array.isArray(data) ? data[0] : data);
    },
    /** §4.2 `POST case`: the new case's number. Not repeated blindly: the caller looks up first. */
    async createCase(fields: { subject: string; symptoms: string; priority: number }): Promise<string> {
      const data = await service({
        method: 'POST',
        path: 'case',
        body: { json: fields },
        operation: 'bpm.case.create',
      });
      return z.string().min(1).parse(data);
    },
    /** §4.3 `POST message`: the new message's id. */
    async addMessage(number: string, text: string): Promise<string> {
      const data = await service({
        method: 'POST',
        path: 'message',
        body: { json: { number, text } },
        operation: 'bpm.message',
      });
      return z.string().min(1).parse(data);
    },
    /** §4.4 `POST file`: the bytes as the body, name, case and length in the query. No id comes back. */
    async uploadFile(number: string, fileName: string, bytes: Buffer): Promise<void> {
      await service({
        method: 'POST',
        path: 'file',
        query: { filename: fileName, number, totallength: bytes.length },
        body: { raw: bytes, contentType: 'application/octet-stream' },
        operation: 'bpm.file',
      });
    },
    /** §4.5 `POST update_case`: close (or reopen) a case. */
    async updateCase(number: string, status: 'close' | 'reopen'): Promise<void> {
      await service({
        method: 'POST',
        path: 'update_case',
        body: { json: { number, status } },
        operation: 'bpm.update_case',
      });
    },
    /** §4.6 `POST cases`: cases matching the query (a read, so repeatable). */
    async findCases(query: CaseQuery): Promise<BpmCase[]> {
      const data = await service({
        method: 'POST',
        path: 'cases',
        body: { json: query },
        idempotent: true,
        operation: 'bpm.cases',
      });
      return z.array(caseSchema).parse(data ?? []);
    },
  };
}
