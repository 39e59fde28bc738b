import { connection, type PageArgs } from './connection';
import { locationView } from './fulfillment-services';
import { assignmentStatusOf, type ShopState } from './state';
import { fulfillmentOrderView } from './views';

/** `sku:A OR sku:'B C'` → the SKUs it names; the only `query` filter the simulator understands. */
export function skusInQuery(query: string): string[] {
  return [...query.matchAll(/sku:(?:'([^']*)'|"([^"]*)"|(\S+))/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** The read side of the schema for one shop: fulfillment orders, inventory items, locations and their services. */
export function queryRoot(shop: ShopState) {
  return {
    assignedFulfillmentOrders(args: PageArgs & { assignmentStatus?: string | null; locationIds?: string[] | null }) {
      // Every fulfillment order of the simulator sits at our service's location; another location has none.
      const atLocation = !args.locationIds || args.locationIds.includes(shop.locationId);
      const matching = [...shop.fulfillmentOrders.values()].filter((fo) => {
        if (!atLocation) return false;
        const assignment = assignmentStatusOf(fo);
        // Without the argument Shopify returns every assigned fulfillment order that is not closed.
        return args.assignmentStatus ? assignment === args.assignmentStatus : fo.status !== 'CLOSED';
      });
      if (atLocation && (args.assignmentStatus ?? 'FULFILLMENT_REQUESTED') === 'FULFILLMENT_REQUESTED') {
        shop.requestedListings += 1;
      }
      return connection(matching, args, (fo) => fulfillmentOrderView(shop, fo));
    },

    fulfillmentOrder(args: { id: string }) {
      const fo = shop.fulfillmentOrders.get(args.id);
      return fo ? fulfillmentOrderView(shop, fo) : null;
    },

    inventoryItems(args: PageArgs & { query?: string | null }) {
      const wanted = args.query ? new Set(skusInQuery(args.query)) : undefined;
      const items = [...shop.inventoryItems]
        .filter(([sku]) => !wanted || wanted.has(sku))
        .map(([sku, id]) => ({ id, sku }))
        .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
      return connection(items, args, (item) => item);
    },

    location(args: { id?: string | null }) {
      return locationView(shop, args.id ?? shop.locationId);
    },
  };
}
