-- What the inventory push needs: the cart lines of orders not yet at the WMS, and what each cart was last told.

-- The order's cart lines [{sku, quantity}], written when it is received (and again after a fix): the units of orders
-- not yet at the WMS are subtracted from the stock a cart is shown, and held orders are woken only for their barcodes.
ALTER TABLE orders ADD COLUMN lines jsonb;
CREATE INDEX orders_merchant_pending ON orders (merchant_id) WHERE status IN ('received', 'sending', 'on_hold', 'error');

-- The level each cart SKU was last pushed: only values that differ are pushed again.
CREATE TABLE inventory_pushed_levels (
  cart_id text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  sku text NOT NULL,
  quantity integer NOT NULL CHECK (quantity >= 0),
  snapshot_id bigint NOT NULL,
  pushed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, sku)
);

-- One row per push that ran (a run without a newer snapshot writes nothing): the record of what each cart was told.
CREATE TABLE inventory_pushes (
  id bigserial PRIMARY KEY,
  cart_id text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  snapshot_id bigint NOT NULL,
  pushed_at timestamptz NOT NULL DEFAULT now(),
  skus integer NOT NULL,
  changed integer NOT NULL,
  batches integer NOT NULL,
  -- [{sku, quantity}] of the values pushed in this run.
  levels jsonb NOT NULL
);
CREATE INDEX inventory_pushes_cart ON inventory_pushes (cart_id, id DESC);
