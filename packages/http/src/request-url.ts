import type { HttpRequest, QueryParams } from './request.js';

/** The absolute URL of a request: `url` as given, or `path` resolved under `baseUrl`, plus `query`. */
export function requestUrl(baseUrl: string | undefined, request: HttpRequest): URL {
  const url = request.url !== undefined ? new URL(request.url) : underBase(baseUrl, request.path);
  appendQuery(url, request.query);
  return url;
}

/** `path` under the base URL's path: base `https://h/0/ssp/rest/` + `case/1` → `https://h/0/ssp/rest/case/1`. */
function underBase(baseUrl: string | undefined, path: string | undefined): URL {
  if (baseUrl === undefined) throw new TypeError('request needs a url, or a path and a client baseUrl');
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL((path ?? '').replace(/^\/+/, ''), base);
}

export function appendQuery(target: URL | URLSearchParams, query: QueryParams | undefined): void {
  const params = target instanceof URL ? target.searchParams : target;
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) params.append(name, String(item));
  }
}
