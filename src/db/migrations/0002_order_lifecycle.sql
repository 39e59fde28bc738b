-- What the order lifecycle needs: product mapping, ship methods, hold state in the index, tracking pushes.

-- Cart SKU → EasyPost barcode, per merchant (the seed's "add your order source SKU as an alias").
CREATE TABLE sku_aliases (
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  sku text NOT NULL,
  barcode text NOT NULL,
  PRIMARY KEY (merchant_id, sku)
);

-- A bundle SKU explodes into components: `units` of `barcode` per bundle sold.
CREATE TABLE bundle_components (
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  bundle_sku text NOT NULL,
  barcode text NOT NULL,
  units integer NOT NULL CHECK (units > 0),
  PRIMARY KEY (merchant_id, bundle_sku, barcode)
);

-- Cart ship method (matched case-insensitively, stored lower-case) → EasyPost service.
CREATE TABLE ship_method_map (
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  cart_ship_method text NOT NULL CHECK (cart_ship_method = lower(trim(cart_ship_method))),
  service text NOT NULL,
  PRIMARY KEY (merchant_id, cart_ship_method)
);

ALTER TABLE orders
  ADD COLUMN hold_count integer NOT NULL DEFAULT 0,
  ADD COLUMN next_resend_at timestamptz,
  ADD COLUMN summary text;

-- Tracking delivered to carts, one row per (order, shipment): what the manual cart records, and the proof that a
-- shipment was pushed exactly once.
CREATE TABLE tracking_pushes (
  cart_id text NOT NULL,
  cart_order_id text NOT NULL,
  shipment_id text NOT NULL,
  carrier text NOT NULL,
  tracking_code text NOT NULL,
  tracking_url text,
  pushed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, cart_order_id, shipment_id),
  FOREIGN KEY (cart_id, cart_order_id) REFERENCES orders (cart_id, cart_order_id)
);
