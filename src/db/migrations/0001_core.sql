-- Core tenancy and the durable orders index. Temporal owns each order's live state;
-- these rows own configuration and the record that an order exists (dedup beyond Temporal's retention).

CREATE TABLE merchants (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text NOT NULL,
  mode text NOT NULL DEFAULT 'test' CHECK (mode IN ('test', 'production')),
  -- EasyPost API keys, AES-256-GCM encrypted with EPF_SECRET_KEY; never stored or logged in clear.
  easypost_test_key_enc bytea,
  easypost_production_key_enc bytea,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE carts (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  merchant_id text NOT NULL REFERENCES merchants (id),
  type text NOT NULL,
  name text NOT NULL,
  credentials_enc bytea,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX carts_merchant ON carts (merchant_id);

-- One row per cart order, written by activities on every transition.
CREATE TABLE orders (
  cart_id text NOT NULL REFERENCES carts (id),
  cart_order_id text NOT NULL,
  cart_order_number text NOT NULL,
  merchant_id text NOT NULL REFERENCES merchants (id),
  workflow_id text NOT NULL UNIQUE,
  status text NOT NULL,
  easypost_order_id text UNIQUE,
  warehouse_id text,
  last_error text,
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, cart_order_id)
);
CREATE INDEX orders_merchant_status ON orders (merchant_id, status, updated_at);
CREATE INDEX orders_cart_order_number ON orders (cart_order_number);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  merchant_id text,
  cart_id text,
  cart_order_id text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_order ON audit_log (cart_id, cart_order_id, at);
