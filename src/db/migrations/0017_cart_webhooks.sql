-- Each cart's webhooks as epf registers them (src/db/cart-webhooks.ts): the secret the cart signs deliveries with,
-- generated once and sealed with EPF_SECRET_KEY, and what the pulls found wrong with them. A webhook the cart had
-- disabled is a `cart_webhook_disabled` exception for 48 hours after it was found, though the pull re-activates it;
-- a registration that keeps failing is `cart_webhook_failing` until one succeeds.
CREATE TABLE cart_webhooks (
  cart_id text PRIMARY KEY REFERENCES carts (id) ON DELETE CASCADE,
  secret_enc bytea NOT NULL,
  -- When a pull last found a webhook disabled, and which.
  disabled_found_at timestamptz,
  disabled_detail text,
  -- The last failed registration, and when registrations started failing; cleared by a success.
  failing_error text,
  failing_since timestamptz
);
