-- What `epf exceptions` needs: why an order stopped and since when it has been held, and which exceptions the alert
-- webhook has already been told about.

-- The field and failure type of `last_error` (the workflow's lastError {message, field, type}): they choose the fix.
-- `held_since`: when the current hold began. The daily resend passes through `sending` and back, which moves
-- `updated_at` but not this.
ALTER TABLE orders
  ADD COLUMN last_error_field text,
  ADD COLUMN last_error_type text,
  ADD COLUMN held_since timestamptz;

-- Orders already on hold: their first `order.on_hold` since they last were in any other state than on_hold or sending.
UPDATE orders o SET held_since = COALESCE(
  (SELECT min(a.at) FROM audit_log a
   WHERE a.cart_id = o.cart_id AND a.cart_order_id = o.cart_order_id AND a.action = 'order.on_hold'
     AND a.at > COALESCE(
       (SELECT max(b.at) FROM audit_log b
        WHERE b.cart_id = o.cart_id AND b.cart_order_id = o.cart_order_id AND b.action LIKE 'order.%'
          AND b.action NOT IN ('order.on_hold', 'order.sending')),
       '-infinity')),
  o.updated_at)
WHERE o.status = 'on_hold';

-- Orders with a last error: its field and type from the latest audit row that carried it.
UPDATE orders o SET (last_error_field, last_error_type) = (
  SELECT a.detail -> 'error' ->> 'field', a.detail -> 'error' ->> 'type' FROM audit_log a
  WHERE a.cart_id = o.cart_id AND a.cart_order_id = o.cart_order_id AND a.detail ? 'error'
  ORDER BY a.at DESC, a.id DESC LIMIT 1)
WHERE o.last_error IS NOT NULL;

-- Exceptions the alert webhook has seen (key: kind and subject, see src/exceptions/classify.ts). A row is deleted
-- once its exception is gone, so the same trouble coming back is alerted again.
CREATE TABLE alerted_exceptions (
  key text PRIMARY KEY,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  -- Null until the webhook accepted it: the next run sends it again.
  alerted_at timestamptz
);
