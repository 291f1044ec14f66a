import { z } from 'zod';
import { int64 } from './common.js';

export const approvalStatusSchema = z.enum(['New', 'Approved', 'ApprovedWithCorrection', 'Rejected']);
export const materialOwnerTypeSchema = z.enum(['Unknown', 'Contractor', 'ContractHolders']);

const count = z.number().positive().max(1e9);
const price = z.number().min(0).max(1e12);
const text = (max: number) => z.string().trim().min(1).max(max);

/** PostExpenseInputDTO (spec §4.42). */
export const postExpenseInput = z.object({ count, expenditureItemId: int64 }).meta({ id: 'PostExpenseInputDTO' });
/** PatchExpenseInputDTO (spec §4.29): a partial update. */
export const patchExpenseInput = z
  .object({ count: count.optional(), expenditureItemId: int64.optional() })
  .strict()
  .meta({ id: 'PatchExpenseInputDTO' });

/** PostMaterialInputDTO (spec §4.47): every field required. */
export const postMaterialInput = z
  .object({ count, name: text(500), ownerType: materialOwnerTypeSchema, price, serialNumber: text(200) })
  .meta({ id: 'PostMaterialInputDTO' });
/** PatchMaterialInputDTO (spec §4.30). */
export const patchMaterialInput = z
  .object({
    count: count.optional(),
    name: text(500).optional(),
    ownerType: materialOwnerTypeSchema.optional(),
    price: price.optional(),
    serialNumber: text(200).optional(),
  })
  .strict()
  .meta({ id: 'PatchMaterialInputDTO' });

export const postMaterialOutput = z.object({ id: z.number().int() }).meta({ id: 'PostMaterialOutputDTO' });

const decisions = z
  .record(z.string().regex(/^[1-9]\d{0,15}$/, 'keys must be decimal ids'), approvalStatusSchema)
  .optional();
/** PatchCallCostApprovalStatusInputDTO (spec §4.27). */
export const approvalInput = z
  .object({ expenses: decisions, materials: decisions })
  .strict()
  .meta({ id: 'PatchCallCostApprovalStatusInputDTO' });

/** CallCostDTO (spec §4.4). */
export const callCostDto = z
  .object({
    status: z.enum(['Draft', 'InProgress', 'Processed']),
    expenses: z.array(
      z
        .object({
          id: z.number().int(),
          count: z.number(),
          expenditureItemId: z.number().int(),
          status: approvalStatusSchema,
        })
        .meta({ id: 'ExpenseDTO' }),
    ),
    materials: z.array(
      z
        .object({
          id: z.number().int(),
          count: z.number(),
          name: z.string(),
          ownerType: materialOwnerTypeSchema,
          price: z.number(),
          serialNumber: z.string(),
          status: approvalStatusSchema,
        })
        .meta({ id: 'MaterialDTO' }),
    ),
  })
  .meta({ id: 'CallCostDTO' });
