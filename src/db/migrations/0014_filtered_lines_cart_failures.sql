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

-- Each cart's pulls and stock pushes failing in a row (src/db/cart-failures.ts): a refused credential, or many failures
-- in a row, is an exception (src/exceptions/cart-failures.ts). The next success deletes the row.
CREATE TABLE cart_failures (
  cart_id text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  operation text NOT NULL CHECK (operation IN ('pull', 'inventory_push')),
  consecutive integer NOT NULL DEFAULT 1,
  -- The last failure was the cart refusing our credentials (HTTP 401 or 403).
  auth boolean NOT NULL,
  last_error text NOT NULL,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  last_failed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, operation)
);
