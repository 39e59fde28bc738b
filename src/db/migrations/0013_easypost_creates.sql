-- When each order's last create was sent to EasyPost (src/db/easypost-creates.ts). EasyPost takes no idempotency key:
-- a create whose answer was lost may still commit, and appear in listings, some time after it was sent. The send
-- activity looks the order up by its marker only once that time has passed, and only when a create was ever sent.
CREATE TABLE easypost_creates (
  workflow_id text PRIMARY KEY,
  last_sent_at timestamptz NOT NULL,
  creates integer NOT NULL,
  -- EasyPost answered the last create (created it, or refused it): nothing of it can still commit.
  answered boolean NOT NULL DEFAULT false
);
