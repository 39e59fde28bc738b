export { createBigCommerceAdapter, type BigCommerceAdapterOptions } from './adapter';
export { bigCommerceCredentialsSchema, type BigCommerceCredentials } from './credentials';
export { BigCommerceRefusal, BigCommerceUnavailable } from './errors';
