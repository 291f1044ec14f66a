/**
 * A rule of the domain was broken. `status` is the HTTP status the API answers with and
 * `errorCode` the spec's numbered code for that endpoint, where it documents one (codes are per
 * endpoint, spec §2.1).
 */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503,
    message: string,
    readonly errorCode?: number,
  ) {
    super(message);
  }
}

export const notFound = (message: string, errorCode?: number) => new DomainError(404, message, errorCode);
export const conflict = (message: string, errorCode?: number) => new DomainError(409, message, errorCode);
export const invalid = (message: string, errorCode?: number) => new DomainError(400, message, errorCode);
export const unauthorized = (message: string, errorCode?: number) => new DomainError(401, message, errorCode);
