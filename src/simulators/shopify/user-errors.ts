/** A business error as Shopify reports it inside a mutation's payload (HTTP 200, `userErrors`). */
export interface UserError {
  field: string[] | null;
  message: string;
  code?: string;
}

export const userError = (field: string[] | null, message: string, code?: string): UserError => ({
  field,
  message,
  ...(code ? { code } : {}),
});
