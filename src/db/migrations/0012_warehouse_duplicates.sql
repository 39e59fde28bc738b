-- Markers EasyPost holds two or more live orders for (an order sent twice), as the duplicate reconciliation last saw
-- them: each is a `duplicate_at_warehouse` exception until all but one are cancelled.
CREATE TABLE warehouse_duplicates (
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  marker text NOT NULL,
  -- The order's workflow, when the marker names one the index knows.
  workflow_id text,
  -- The live (not cancelled) EasyPost orders carrying the marker, oldest first.
  easypost_order_ids text[] NOT NULL,
  found_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (merchant_id, marker)
);
