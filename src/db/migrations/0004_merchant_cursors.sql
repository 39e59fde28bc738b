-- Where each merchant's EasyPost pickups resume (kind: shipments; later inventory).
CREATE TABLE merchant_cursors (
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  kind text NOT NULL,
  cursor text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (merchant_id, kind)
);
