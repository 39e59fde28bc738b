import { buildSchema, type GraphQLSchema } from 'graphql';
import { hasLegacyInventoryInput, SUPPORTED_API_VERSIONS, type ApiVersion } from './api-versions';

/**
 * What changed between the supported versions in the subset we serve: 2026-01 added `changeFromQuantity` and
 * deprecated `compareQuantity` and `ignoreCompareQuantity`; 2026-04 removed them (docs/shopify-api.md §Inventory).
 */
function inventoryInputs(version: ApiVersion): string {
  const legacy = hasLegacyInventoryInput(version);
  const deprecated = (use: string) => `@deprecated(reason: "Use ${use} instead.")`;
  return /* GraphQL */ `
  input InventoryQuantityInput {
    inventoryItemId: ID!
    locationId: ID!
    quantity: Int!
    changeFromQuantity: Int
    ${legacy ? `compareQuantity: Int ${deprecated('changeFromQuantity')}` : ''}
  }
  input InventorySetQuantitiesInput {
    name: String!
    reason: String!
    referenceDocumentUri: String
    ${legacy ? `ignoreCompareQuantity: Boolean = false ${deprecated('changeFromQuantity: null')}` : ''}
    quantities: [InventoryQuantityInput!]!
  }`;
}

/**
 * The subset of the Admin GraphQL API (2026-01 to 2026-10) that epf uses, with Shopify's type, field and argument
 * names (docs/shopify-api.md lists each with its source). Documents are validated against the version asked for
 * exactly as Shopify validates them, so a field Shopify lacks fails here too. Deviations: `countryCode` is a String
 * (Shopify: the CountryCode enum, which serialises the same), connections page forward only (first/after), `query`
 * filters only `sku:`.
 */
const sdl = (version: ApiVersion) => /* GraphQL */ `
  schema {
    query: QueryRoot
    mutation: Mutation
  }

  scalar DateTime
  scalar URL

  "Makes a mutation safe to retry: a repeated key returns the first result (required by some mutations from 2026-04)."
  directive @idempotent(key: String!) on FIELD

  enum FulfillmentOrderAssignmentStatus {
    CANCELLATION_REQUESTED
    FULFILLMENT_ACCEPTED
    FULFILLMENT_REQUESTED
    FULFILLMENT_UNSUBMITTED
  }
  enum FulfillmentOrderStatus {
    OPEN
    IN_PROGRESS
    CANCELLED
    INCOMPLETE
    CLOSED
    SCHEDULED
    ON_HOLD
  }
  enum FulfillmentOrderRequestStatus {
    UNSUBMITTED
    SUBMITTED
    ACCEPTED
    REJECTED
    CANCELLATION_REQUESTED
    CANCELLATION_ACCEPTED
    CANCELLATION_REJECTED
    CLOSED
  }
  enum FulfillmentOrderMerchantRequestKind {
    FULFILLMENT_REQUEST
    CANCELLATION_REQUEST
  }
  enum FulfillmentOrderRejectionReason {
    INCORRECT_ADDRESS
    INELIGIBLE_PRODUCT
    INVENTORY_OUT_OF_STOCK
    OTHER
    UNDELIVERABLE_DESTINATION
  }
  enum FulfillmentStatus {
    SUCCESS
    CANCELLED
    ERROR
    FAILURE
  }
  enum InventorySetQuantitiesUserErrorCode {
    CHANGE_FROM_QUANTITY_STALE
    COMPARE_QUANTITY_REQUIRED
    COMPARE_QUANTITY_STALE
    IDEMPOTENCY_CONCURRENT_REQUEST
    IDEMPOTENCY_KEY_PARAMETER_MISMATCH
    IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED
    INVALID_INVENTORY_ITEM
    INVALID_LOCATION
    INVALID_NAME
    INVALID_QUANTITY_NEGATIVE
    INVALID_QUANTITY_TOO_HIGH
    INVALID_REASON
    ITEM_NOT_STOCKED_AT_LOCATION
  }

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type UserError {
    field: [String!]
    message: String!
  }

  type MailingAddress {
    address1: String
    address2: String
    city: String
    company: String
    countryCodeV2: String
    firstName: String
    lastName: String
    name: String
    phone: String
    province: String
    provinceCode: String
    zip: String
  }

  type ShippingLine {
    title: String!
    code: String
  }

  type Order {
    id: ID!
    name: String!
    email: String
    note: String
    createdAt: DateTime!
    shippingAddress: MailingAddress
    shippingLine: ShippingLine
  }

  type FulfillmentOrderDestination {
    id: ID!
    address1: String
    address2: String
    city: String
    company: String
    countryCode: String
    email: String
    firstName: String
    lastName: String
    phone: String
    province: String
    zip: String
  }

  type ProductVariant {
    id: ID!
    sku: String
  }

  type FulfillmentOrderLineItem {
    id: ID!
    sku: String
    productTitle: String!
    totalQuantity: Int!
    remainingQuantity: Int!
    inventoryItemId: ID
    variant: ProductVariant
  }
  type FulfillmentOrderLineItemEdge {
    cursor: String!
    node: FulfillmentOrderLineItem!
  }
  type FulfillmentOrderLineItemConnection {
    edges: [FulfillmentOrderLineItemEdge!]!
    nodes: [FulfillmentOrderLineItem!]!
    pageInfo: PageInfo!
  }

  type FulfillmentOrderMerchantRequest {
    id: ID!
    kind: FulfillmentOrderMerchantRequestKind!
    message: String
    sentAt: DateTime!
  }
  type FulfillmentOrderMerchantRequestEdge {
    cursor: String!
    node: FulfillmentOrderMerchantRequest!
  }
  type FulfillmentOrderMerchantRequestConnection {
    edges: [FulfillmentOrderMerchantRequestEdge!]!
    nodes: [FulfillmentOrderMerchantRequest!]!
    pageInfo: PageInfo!
  }

  type FulfillmentTrackingInfo {
    company: String
    number: String
    url: URL
  }
  type Fulfillment {
    id: ID!
    status: FulfillmentStatus!
    createdAt: DateTime!
    trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
  }
  type FulfillmentEdge {
    cursor: String!
    node: Fulfillment!
  }
  type FulfillmentConnection {
    edges: [FulfillmentEdge!]!
    nodes: [Fulfillment!]!
    pageInfo: PageInfo!
  }

  type FulfillmentOrder {
    id: ID!
    status: FulfillmentOrderStatus!
    requestStatus: FulfillmentOrderRequestStatus!
    createdAt: DateTime!
    updatedAt: DateTime!
    order: Order!
    destination: FulfillmentOrderDestination
    lineItems(first: Int, after: String): FulfillmentOrderLineItemConnection!
    merchantRequests(
      first: Int
      after: String
      kind: FulfillmentOrderMerchantRequestKind
    ): FulfillmentOrderMerchantRequestConnection!
    fulfillments(first: Int, after: String): FulfillmentConnection!
  }
  type FulfillmentOrderEdge {
    cursor: String!
    node: FulfillmentOrder!
  }
  type FulfillmentOrderConnection {
    edges: [FulfillmentOrderEdge!]!
    nodes: [FulfillmentOrder!]!
    pageInfo: PageInfo!
  }

  type InventoryItem {
    id: ID!
    sku: String
  }
  type InventoryItemEdge {
    cursor: String!
    node: InventoryItem!
  }
  type InventoryItemConnection {
    edges: [InventoryItemEdge!]!
    nodes: [InventoryItem!]!
    pageInfo: PageInfo!
  }

  type InventoryAdjustmentGroup {
    id: ID!
    reason: String!
    createdAt: DateTime!
  }

  type Location {
    id: ID!
    name: String!
    fulfillmentService: FulfillmentService
  }

  type FulfillmentService {
    id: ID!
    serviceName: String!
    callbackUrl: URL
    trackingSupport: Boolean!
    inventoryManagement: Boolean!
    location: Location
  }

  type QueryRoot {
    assignedFulfillmentOrders(
      assignmentStatus: FulfillmentOrderAssignmentStatus
      locationIds: [ID!]
      first: Int
      after: String
    ): FulfillmentOrderConnection!
    fulfillmentOrder(id: ID!): FulfillmentOrder
    inventoryItems(first: Int, after: String, query: String): InventoryItemConnection!
    location(id: ID): Location
  }

  input IncomingRequestLineItemInput {
    fulfillmentOrderLineItemId: ID!
    message: String
  }
  input FulfillmentOrderLineItemInput {
    id: ID!
    quantity: Int!
  }
  input FulfillmentOrderLineItemsInput {
    fulfillmentOrderId: ID!
    fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]
  }
  input FulfillmentTrackingInput {
    company: String
    number: String
    url: URL
  }
  input FulfillmentInput {
    lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]!
    notifyCustomer: Boolean = false
    trackingInfo: FulfillmentTrackingInput
  }
  ${inventoryInputs(version)}

  type FulfillmentOrderAcceptFulfillmentRequestPayload {
    fulfillmentOrder: FulfillmentOrder
    userErrors: [UserError!]!
  }
  type FulfillmentOrderRejectFulfillmentRequestPayload {
    fulfillmentOrder: FulfillmentOrder
    userErrors: [UserError!]!
  }
  type FulfillmentOrderAcceptCancellationRequestPayload {
    fulfillmentOrder: FulfillmentOrder
    userErrors: [UserError!]!
  }
  type FulfillmentOrderRejectCancellationRequestPayload {
    fulfillmentOrder: FulfillmentOrder
    userErrors: [UserError!]!
  }
  type FulfillmentCreatePayload {
    fulfillment: Fulfillment
    userErrors: [UserError!]!
  }
  type FulfillmentServiceCreatePayload {
    fulfillmentService: FulfillmentService
    userErrors: [UserError!]!
  }
  type FulfillmentServiceUpdatePayload {
    fulfillmentService: FulfillmentService
    userErrors: [UserError!]!
  }
  type InventorySetQuantitiesUserError {
    code: InventorySetQuantitiesUserErrorCode
    field: [String!]
    message: String!
  }
  type InventorySetQuantitiesPayload {
    inventoryAdjustmentGroup: InventoryAdjustmentGroup
    userErrors: [InventorySetQuantitiesUserError!]!
  }

  type Mutation {
    fulfillmentOrderAcceptFulfillmentRequest(
      id: ID!
      message: String
      estimatedShippedAt: DateTime
    ): FulfillmentOrderAcceptFulfillmentRequestPayload
    fulfillmentOrderRejectFulfillmentRequest(
      id: ID!
      message: String
      reason: FulfillmentOrderRejectionReason
      lineItems: [IncomingRequestLineItemInput!]
    ): FulfillmentOrderRejectFulfillmentRequestPayload
    fulfillmentOrderAcceptCancellationRequest(
      id: ID!
      message: String
    ): FulfillmentOrderAcceptCancellationRequestPayload
    fulfillmentOrderRejectCancellationRequest(
      id: ID!
      message: String
    ): FulfillmentOrderRejectCancellationRequestPayload
    fulfillmentCreate(fulfillment: FulfillmentInput!, message: String): FulfillmentCreatePayload
    inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
    fulfillmentServiceCreate(
      name: String!
      callbackUrl: URL
      trackingSupport: Boolean = false
      inventoryManagement: Boolean = false
      requiresShippingMethod: Boolean = true
    ): FulfillmentServiceCreatePayload
    fulfillmentServiceUpdate(
      id: ID!
      name: String
      callbackUrl: URL
      trackingSupport: Boolean
      inventoryManagement: Boolean
      requiresShippingMethod: Boolean
    ): FulfillmentServiceUpdatePayload
  }
`;

/** Built once per version: graphql-js schemas are immutable and safe to share between simulators. */
const schemas = new Map(SUPPORTED_API_VERSIONS.map((version) => [version, buildSchema(sdl(version))]));

/** The schema of one supported version. */
export const adminSchema = (version: ApiVersion): GraphQLSchema => schemas.get(version)!;
