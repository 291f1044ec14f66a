import type { FormData } from 'undici';
import type { RequestBody } from './request.js';
import { appendQuery } from './request-url.js';

export interface EncodedBody {
  body: string | Uint8Array | FormData;
  /** Set unless the body brings its own (multipart: undici writes the boundary). */
  contentType?: string;
}

/** The wire form of a request body. Every form can be sent again as is, which retries rely on. */
export function encodeBody(body: RequestBody): EncodedBody {
  if ('json' in body) return { body: JSON.stringify(body.json), contentType: 'application/json' };
  if ('form' in body) {
    const params = new URLSearchParams();
    appendQuery(params, body.form);
    return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  if ('raw' in body) return { body: body.raw, contentType: body.contentType ?? 'application/octet-stream' };
  return { body: body.multipart };
}
