import { z } from 'zod';
import { dateTimeOut } from './common.js';

/** UserDTO (spec §4.54). */
export const userDto = z.object({ id: z.number().int(), name: z.string() }).meta({ id: 'UserDTO' });

/** CallMessageDTO (spec §4.10): `owner` null means an external system wrote it. */
export const callMessageDto = z
  .object({
    id: z.number().int(),
    callId: z.number().int(),
    date: dateTimeOut,
    message: z.string(),
    owner: userDto.nullable(),
    timestamp: z.number().int(),
  })
  .meta({ id: 'CallMessageDTO' });

export type CallMessageDto = z.input<typeof callMessageDto>;
