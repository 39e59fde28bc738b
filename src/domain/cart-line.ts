/** A cart line as the index keeps it: enough to know which stock an order not yet at the WMS will take. */
export interface CartLine {
  sku: string;
  quantity: number;
}
