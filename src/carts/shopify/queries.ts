import type { Operation } from './graphql-client';

/**
 * Every document the adapter sends, valid in every supported Admin API version (2026-01 to 2026-10). Page sizes keep each query's requested cost under Shopify's
 * 1000-point single-query limit: a listing page costs 2 + 10 × (5 + lineItems 52 + merchantRequests 7) = 642.
 */

export const ORDERS_PAGE_SIZE = 10;
export const LINES_PER_ORDER = 50;

export const ASSIGNED_FULFILLMENT_ORDERS: Operation = {
  name: 'AssignedFulfillmentOrders',
  query: /* GraphQL */ `
    query AssignedFulfillmentOrders(
      $assignmentStatus: FulfillmentOrderAssignmentStatus!
      $locationIds: [ID!]
      $first: Int!
      $after: String
    ) {
      assignedFulfillmentOrders(
        assignmentStatus: $assignmentStatus
        locationIds: $locationIds
        first: $first
        after: $after
      ) {
        nodes {
          id
          status
          requestStatus
          order {
            id
            name
            email
            note
            createdAt
            shippingAddress {
              firstName
              lastName
              company
              address1
              address2
              city
              province
              provinceCode
              zip
              countryCodeV2
              phone
            }
            shippingLine {
              title
              code
            }
          }
          destination {
            firstName
            lastName
            company
            address1
            address2
            city
            province
            zip
            countryCode
            phone
            email
          }
          lineItems(first: ${LINES_PER_ORDER}) {
            nodes {
              id
              sku
              productTitle
              remainingQuantity
            }
            pageInfo {
              hasNextPage
            }
          }
          merchantRequests(first: 5) {
            nodes {
              kind
              message
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
};

export const FULFILLMENT_ORDER_STATE: Operation = {
  name: 'FulfillmentOrderState',
  query: /* GraphQL */ `
    query FulfillmentOrderState($id: ID!) {
      fulfillmentOrder(id: $id) {
        id
        status
        requestStatus
        fulfillments(first: 50) {
          nodes {
            trackingInfo {
              number
            }
          }
        }
      }
    }
  `,
};

const USER_ERRORS = 'userErrors { field message }';

/** The accept/reject mutations share arguments and payload shape. */
function answer(mutation: string): Operation {
  const name = mutation[0]!.toUpperCase() + mutation.slice(1);
  return {
    name,
    query: `mutation ${name}($id: ID!, $message: String) {
      ${mutation}(id: $id, message: $message) { fulfillmentOrder { id status requestStatus } ${USER_ERRORS} }
    }`,
  };
}

export const ACCEPT_FULFILLMENT_REQUEST = answer('fulfillmentOrderAcceptFulfillmentRequest');
export const ACCEPT_CANCELLATION_REQUEST = answer('fulfillmentOrderAcceptCancellationRequest');
export const REJECT_CANCELLATION_REQUEST = answer('fulfillmentOrderRejectCancellationRequest');

export const FULFILLMENT_CREATE: Operation = {
  name: 'FulfillmentCreate',
  query: /* GraphQL */ `
    mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
      fulfillmentCreate(fulfillment: $fulfillment) {
        fulfillment {
          id
        }
        ${USER_ERRORS}
      }
    }
  `,
};

/** SKUs per lookup: keeps the search string short; each lookup costs 2 + 50. */
export const SKUS_PER_LOOKUP = 50;

export const INVENTORY_ITEMS_BY_SKU: Operation = {
  name: 'InventoryItemsBySku',
  query: /* GraphQL */ `
    query InventoryItemsBySku($first: Int!, $query: String!) {
      inventoryItems(first: $first, query: $query) {
        nodes {
          id
          sku
        }
      }
    }
  `,
};

/** Quantities per inventorySetQuantities call (docs/shopify-api.md: 250, assumed). */
export const QUANTITIES_PER_CALL = 250;

/** From 2026-04 Shopify requires the `@idempotent` directive here (optional from 2026-01). */
export const INVENTORY_SET_QUANTITIES: Operation = {
  name: 'InventorySetQuantities',
  query: /* GraphQL */ `
    mutation InventorySetQuantities($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
      inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
        inventoryAdjustmentGroup {
          id
        }
        ${USER_ERRORS}
      }
    }
  `,
};

/** Our fulfillment service, found through its location (the one id a cart stores). */
export const LOCATION_FULFILLMENT_SERVICE: Operation = {
  name: 'LocationFulfillmentService',
  query: /* GraphQL */ `
    query LocationFulfillmentService($id: ID!) {
      location(id: $id) {
        fulfillmentService {
          id
          callbackUrl
          trackingSupport
          inventoryManagement
        }
      }
    }
  `,
};

export const FULFILLMENT_SERVICE_UPDATE: Operation = {
  name: 'FulfillmentServiceUpdate',
  query: /* GraphQL */ `
    mutation FulfillmentServiceUpdate(
      $id: ID!
      $callbackUrl: URL
      $trackingSupport: Boolean
      $inventoryManagement: Boolean
    ) {
      fulfillmentServiceUpdate(
        id: $id
        callbackUrl: $callbackUrl
        trackingSupport: $trackingSupport
        inventoryManagement: $inventoryManagement
      ) {
        fulfillmentService {
          id
          callbackUrl
        }
        ${USER_ERRORS}
      }
    }
  `,
};
