-- Each merchant's EasyPost requests, paced across every worker process (src/db/easypost-pacing.ts). A row per merchant
-- and lane holds when the lane's next free slot begins: `requests` paces every HTTP call at the merchant's limit,
-- `sends` admits order sends (held orders woken at 01:00 among them) at a share of it, on durable workflow timers.
CREATE TABLE easypost_pacing (
  merchant_id text NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  lane text NOT NULL CHECK (lane IN ('requests', 'sends')),
  next_free_at timestamptz NOT NULL,
  PRIMARY KEY (merchant_id, lane)
);
