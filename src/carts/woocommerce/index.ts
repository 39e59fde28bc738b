export { createWooCommerceAdapter, type WooCommerceAdapterOptions } from './adapter';
export { wooCommerceCredentialsSchema, type WooCommerceCredentials } from './credentials';
export { WooCommerceRefusal, WooCommerceUnavailable } from './errors';
