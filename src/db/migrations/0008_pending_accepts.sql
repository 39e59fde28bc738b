-- Accepts a cart did not take when its order was pulled. The order's workflow has started; the accept is retried at
-- the start of every later pull of that cart, so one failing cart call never holds back a page and the orders in it.
CREATE TABLE pending_accepts (
  cart_id text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  cart_order_id text NOT NULL,
  attempts integer NOT NULL DEFAULT 1,
  last_error text NOT NULL,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  last_failed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, cart_order_id)
);
