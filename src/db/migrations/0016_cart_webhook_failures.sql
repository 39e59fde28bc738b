-- Each pull checks the cart's webhook (activities/cart-webhooks.ts); failed checks count in a row like failed pulls.
ALTER TABLE cart_failures DROP CONSTRAINT cart_failures_operation_check;
ALTER TABLE cart_failures
  ADD CONSTRAINT cart_failures_operation_check CHECK (operation IN ('pull', 'inventory_push', 'webhook'));
