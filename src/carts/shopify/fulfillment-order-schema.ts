import { z } from 'zod';

// Shopify leaves absent parts null; we read them as optional.
const text = z.string().nullish();

const mailingAddress = z.object({
  firstName: text,
  lastName: text,
  company: text,
  address1: text,
  address2: text,
  city: text,
  province: text,
  provinceCode: text,
  zip: text,
  countryCodeV2: text,
  phone: text,
});

/** One fulfillment order as the AssignedFulfillmentOrders query selects it. */
export const fulfillmentOrderNodeSchema = z.object({
  id: z.string(),
  status: z.string(),
  requestStatus: z.string(),
  order: z.object({
    id: z.string(),
    name: z.string(),
    email: text,
    note: text,
    createdAt: z.string(),
    shippingAddress: mailingAddress.nullish(),
    shippingLine: z.object({ title: z.string(), code: text }).nullish(),
  }),
  destination: z
    .object({
      firstName: text,
      lastName: text,
      company: text,
      address1: text,
      address2: text,
      city: text,
      province: text,
      zip: text,
      countryCode: text,
      phone: text,
      email: text,
    })
    .nullish(),
  lineItems: z.object({
    nodes: z.array(
      z.object({ id: z.string(), sku: text, productTitle: z.string(), remainingQuantity: z.number().int() }),
    ),
    pageInfo: z.object({ hasNextPage: z.boolean() }),
  }),
  merchantRequests: z.object({ nodes: z.array(z.object({ kind: z.string(), message: text })) }),
});

export type FulfillmentOrderNode = z.infer<typeof fulfillmentOrderNodeSchema>;

/** The connection around it. */
export const assignedFulfillmentOrdersSchema = z.object({
  assignedFulfillmentOrders: z.object({
    nodes: z.array(fulfillmentOrderNodeSchema),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  }),
});
