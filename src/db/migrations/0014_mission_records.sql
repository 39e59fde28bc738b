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

-- Each merchant's EasyPost products (barcodes), synced by the inventory pickup (src/db/easypost-products.ts), so an
-- order is checked against them before it is sent. A merchant never synced has no row in easypost_product_syncs,
-- and its barcodes are left to EasyPost to judge.
CREATE TABLE easypost_product_syncs (
  merchant_id text PRIMARY KEY REFERENCES merchants (id) ON DELETE CASCADE,
  -- The key's mode the products belong to (test and production keys see different catalogues); null when none was
  -- listed. After a mode switch, barcodes are left to EasyPost until the next pickup syncs the new mode's products.
  mode text,
  synced_at timestamptz NOT NULL DEFAULT now(),
  products integer NOT NULL
);

CREATE TABLE easypost_products (
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  barcode text NOT NULL,
  product_id text NOT NULL,
  PRIMARY KEY (merchant_id, barcode)
);
