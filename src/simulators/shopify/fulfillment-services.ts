import type { IdSequence } from './ids';
import { newFulfillmentService, type FulfillmentServiceRecord, type ShopState } from './state';
import { userError, type UserError } from './user-errors';

/** A location as GraphQL sees it: our install's, or one a `fulfillmentServiceCreate` made. */
export function locationView(shop: ShopState, locationId: string) {
  const service = [...shop.fulfillmentServices.values()].find((s) => s.locationId === locationId);
  if (!service && locationId !== shop.locationId) return null;
  return {
    id: locationId,
    name: service?.serviceName ?? `${shop.name} Fulfillment`,
    fulfillmentService: service ? () => serviceView(shop, service) : null,
  };
}

function serviceView(shop: ShopState, service: FulfillmentServiceRecord) {
  return { ...service, location: () => locationView(shop, service.locationId) };
}

interface ServiceArgs {
  name?: string | null;
  callbackUrl?: string | null;
  trackingSupport?: boolean | null;
  inventoryManagement?: boolean | null;
}

/** Shopify calls the callback URL from the internet; the simulator also takes plain http, for local stacks. */
function callbackUrlError(url: string | null | undefined): UserError[] {
  if (url === undefined || url === null) return [];
  try {
    const { protocol } = new URL(url);
    if (protocol === 'https:' || protocol === 'http:') return [];
  } catch {
    // Falls through to the user error.
  }
  return [userError(['callbackUrl'], 'Callback url is invalid')];
}

function apply(service: FulfillmentServiceRecord, args: ServiceArgs): void {
  if (args.name != null) service.serviceName = args.name;
  if (args.callbackUrl !== undefined) service.callbackUrl = args.callbackUrl;
  if (args.trackingSupport != null) service.trackingSupport = args.trackingSupport;
  if (args.inventoryManagement != null) service.inventoryManagement = args.inventoryManagement;
}

/** `fulfillmentServiceCreate` (a new service at a new location) and `fulfillmentServiceUpdate`. */
export function fulfillmentServiceMutations(shop: ShopState, ids: IdSequence) {
  return {
    fulfillmentServiceCreate(args: ServiceArgs & { name: string }) {
      const taken = [...shop.fulfillmentServices.values()].some((s) => s.serviceName === args.name);
      const userErrors = [
        ...(taken ? [userError(['name'], 'Name has already been taken')] : []),
        ...callbackUrlError(args.callbackUrl),
      ];
      if (userErrors.length > 0) return { fulfillmentService: null, userErrors };
      const service = newFulfillmentService(ids, args.name, ids.gid('Location'));
      apply(service, args);
      shop.fulfillmentServices.set(service.id, service);
      return { fulfillmentService: serviceView(shop, service), userErrors };
    },

    fulfillmentServiceUpdate(args: ServiceArgs & { id: string }) {
      const service = shop.fulfillmentServices.get(args.id);
      if (!service) {
        return { fulfillmentService: null, userErrors: [userError(['id'], 'Fulfillment service could not be found.')] };
      }
      const userErrors = callbackUrlError(args.callbackUrl);
      if (userErrors.length > 0) return { fulfillmentService: null, userErrors };
      apply(service, args);
      return { fulfillmentService: serviceView(shop, service), userErrors };
    },
  };
}
