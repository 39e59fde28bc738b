import { z } from 'zod';
import { addressSchema } from '../domain/order';
import type { OrderFix } from '../../workflows/definitions';

/**
 * The shape of an operator's fix (`epf orders fix`, `POST /orders/:ref/fix`). Strict, so a misspelt field (`shipto`,
 * `shipTo.zipcode`) is reported instead of silently fixing nothing; the workflow validates the corrected order as a
 * whole.
 */
export const orderFixSchema = z
  .strictObject({
    shipTo: addressSchema.partial().strict().optional(),
    skus: z.record(z.string(), z.string().trim().min(1)).optional(),
    shipMethod: z.string().trim().min(1).optional(),
    note: z.string().optional(),
  })
  .refine((fix) => Object.keys(fix).length > 0, 'the fix changes nothing') satisfies z.ZodType<OrderFix>;
