-- Pulling orders from carts: where each cart's pull resumes, and the orders a rule skipped (never silently).

CREATE TABLE cart_cursors (
  cart_id text PRIMARY KEY REFERENCES carts (id) ON DELETE CASCADE,
  cursor text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE skipped_orders (
  cart_id text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  cart_order_id text NOT NULL,
  cart_order_number text NOT NULL,
  rule text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, cart_order_id)
);
