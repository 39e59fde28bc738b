import { z } from 'zod';
import { envSchema, loadConfig } from '../config/env';

const port = z.coerce.number().int().min(1).max(65535);

/** What `npm run dev` reads: fixed, documented ports so the URLs it prints stay the same from day to day. */
const devEnvSchema = z.object({
  DATABASE_URL: envSchema.shape.DATABASE_URL.optional(),
  API_PORT: envSchema.shape.API_PORT,
  EPF_DEV_TEMPORAL_PORT: port.default(7233),
  EPF_DEV_UI_PORT: port.default(8233),
  EPF_DEV_POSTGRES_PORT: port.default(54329),
  EPF_DEV_EASYPOST_PORT: port.default(4010),
  EPF_DEV_SHOPIFY_PORT: port.default(4011),
  EPF_DEV_WOOCOMMERCE_PORT: port.default(4012),
  EPF_DEV_BIGCOMMERCE_PORT: port.default(4013),
});

export type DevConfig = z.infer<typeof devEnvSchema>;

export function loadDevConfig(): DevConfig {
  return loadConfig(devEnvSchema);
}

/** The demo's clock: when the simulated warehouse ships and when the held SKU arrives (0 turns either off). */
const demoTimingSchema = z.object({
  /** The simulated warehouse ships each accepted order this long after it arrives; 0: only by its control API. */
  EPF_DEV_SHIP_SECONDS: z.coerce.number().min(0).default(30),
  /** The held demo SKU arrives in stock this long after "ready" (time to look at a held order); 0: never by itself. */
  EPF_DEV_RESTOCK_SECONDS: z.coerce.number().min(0).default(240),
});

export type DemoTiming = z.infer<typeof demoTimingSchema>;

export function loadDemoTiming(): DemoTiming {
  return loadConfig(demoTimingSchema);
}
