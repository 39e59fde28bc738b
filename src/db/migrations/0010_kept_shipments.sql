-- Shipments EasyPost reported for an order no running workflow could take yet (the index did not know the EasyPost
-- order, and its marker named no running workflow): kept here and redelivered on each shipment pickup, so a send
-- that timed out after EasyPost committed never loses its tracking. Older than a day, they are exceptions.
CREATE TABLE kept_shipments (
  easypost_order_id text PRIMARY KEY,
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  cart_id text NOT NULL,
  -- The `epf:<workflowId>` marker of the EasyPost order's description, and the workflow ID read from it (null when
  -- the marker is hashed: only the index can name that workflow).
  marker text NOT NULL,
  workflow_id text,
  -- The `shipmentUpdate` signals to deliver, as the latest listing or webhook of the order made them.
  updates jsonb NOT NULL,
  reason text NOT NULL,
  -- Bumped by every write: a redelivery deletes the row only if nothing newer was kept meanwhile.
  revision integer NOT NULL DEFAULT 1,
  first_kept_at timestamptz NOT NULL DEFAULT now(),
  last_kept_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kept_shipments_merchant ON kept_shipments (merchant_id, first_kept_at);
