-- The lines a cart's item filter kept out of an order that still went to the warehouse with its other lines
-- (src/domain/item-filter.ts): shown on the order, so a line that went nowhere is never a mystery.
CREATE TABLE filtered_lines (
  cart_id text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  cart_order_id text NOT NULL,
  -- [{lineId, sku, quantity, title?, reason}], in the cart's line order.
  lines jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, cart_order_id)
);
