import { z } from 'zod';

/**
 * The temporary-link token of every /shared route. The source documents it "optional"; it is
 * required in practice (§3.5), and a missing or malformed one is the route's 400 — checked by the
 * domain, so that the answer is an ErrorDTO with a clear message rather than a schema error.
 */
export const sharedTokenQuery = z.object({
  token: z.string().max(200).optional().describe('The temporary-link token from POST /call/{callId}/templink.'),
});
