-- The merchant's EasyPost warehouses, as the inventory pickup last saw them.
CREATE TABLE warehouses (
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  short_name text,
  disabled_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (merchant_id, id)
);

-- Per-warehouse stock from EasyPost; a pickup that sees no change writes no row. 30 days of history are kept.
CREATE TABLE inventory_snapshots (
  id bigserial PRIMARY KEY,
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  taken_at timestamptz NOT NULL DEFAULT now(),
  -- [{barcode, warehouseId, quantity}] sorted by barcode, then warehouse.
  levels jsonb NOT NULL,
  -- sha256 of the sorted levels: an unchanged pickup is recognised without comparing the rows.
  fingerprint text NOT NULL
);

CREATE INDEX inventory_snapshots_merchant_taken ON inventory_snapshots (merchant_id, taken_at DESC);
