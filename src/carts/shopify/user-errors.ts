import { z } from 'zod';
import { CartRefusal } from '../adapter';

export const userErrorsSchema = z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string() }));

/** A mutation's userErrors as one CartRefusal: Shopify refused for a business reason. */
export function refusal(operation: string, userErrors: z.infer<typeof userErrorsSchema>): CartRefusal {
  const messages = userErrors.map((error) => (error.field?.length ? `${error.field.join('.')}: ` : '') + error.message);
  return new CartRefusal(`Shopify ${operation} refused: ${messages.join('; ')}`);
}
