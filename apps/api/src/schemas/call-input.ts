import { z } from 'zod';
import { dateTime, int64 } from './common.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** CallInputDTO (spec §4.6), the input of E1. */
export const callInputSchema = z
  .object({
    availableExpenditureItems: z.array(z.object({ name: text(500) })).max(500),
    clientName: text(500),
    contactPersonEmail: z.string().max(320).optional(),
    contactPersonName: z.string().max(500).optional(),
    contactPersonPhone: z.string().max(100).optional(),
    created: dateTime,
    critical: z.boolean().optional(),
    descriptionHtmlText: z.string().max(200_000),
    descriptionTextForFieldEmployee: z.string().max(100_000),
    ownerId: int64,
    serviceObjectAddress: text(1000),
    serviceObjectLatitude: z.number().min(-90).max(90),
    serviceObjectLongitude: z.number().min(-180).max(180),
    serviceObjectName: text(500),
    serviceObjectType: z.string().max(500).optional(),
    tasks: z.array(z.object({ title: text(1000) })).max(500),
    ttf: dateTime.optional(),
    tto: dateTime.optional(),
  })
  .meta({ id: 'CallInputDTO' });

/** PostCallOutputDTO (spec §4.35). */
export const postCallOutputSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    created: z.iso.datetime(),
    tasks: z.array(z.object({ id: z.number().int() })),
  })
  .meta({ id: 'PostCallOutputDTO' });
