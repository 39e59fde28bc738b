-- What a cart's API said about the version epf calls (Shopify's X-Shopify-API-Version and
-- X-Shopify-API-Deprecated-Reason headers): one row per cart and notice, a `cart_api_deprecated` exception while it
-- keeps coming and the cart still asks for that version.
CREATE TABLE cart_api_notices (
  cart_id text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  merchant_id text NOT NULL,
  requested_version text NOT NULL,
  -- The version that answered, when not the one asked for ('' when it was).
  served_version text NOT NULL DEFAULT '',
  -- The deprecations the request used ('' when none).
  deprecated_reason text NOT NULL DEFAULT '',
  -- The operation that last drew it, for the reason shown.
  operation text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, requested_version, served_version, deprecated_reason)
);
