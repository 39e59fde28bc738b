import {
  execute,
  getOperationAST,
  type GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
} from 'graphql';
import type { ApiVersion } from './api-versions';
import { operationCost, SINGLE_QUERY_MAX_COST } from './cost';
import { deprecationsUsed } from './deprecations';
import { fulfillmentCreateMutation } from './fulfillment-create';
import { fulfillmentRequestMutations } from './fulfillment-requests';
import { fulfillmentServiceMutations } from './fulfillment-services';
import type { IdSequence } from './ids';
import { inventorySetMutation } from './inventory-set';
import { queryRoot } from './query-root';
import { adminSchema } from './schema';
import type { ShopState } from './state';

/** The JSON body of `POST /admin/api/<version>/graphql.json`. */
export interface GraphqlRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

const THROTTLED_DOCS = 'https://shopify.dev/api/usage/rate-limits';

/** graphql-js says `Cannot query field "x" on type "Y".`; Shopify (graphql-ruby) words it and codes it like this. */
function shopifyWording(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  const unknownField = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(error.message);
  if (!unknownField) return formatted;
  const [, fieldName, typeName] = unknownField;
  return {
    ...formatted,
    message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
    extensions: { code: 'undefinedField', typeName, fieldName },
  };
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}

/** The operation a body names, for fault rules (`"ListAssigned"`); `*` when it has none or does not parse. */
export function operationNameOf(body: GraphqlRequest | undefined): string {
  if (typeof body?.operationName === 'string') return body.operationName;
  if (typeof body?.query !== 'string') return '*';
  try {
    return getOperationAST(parse(body.query))?.name?.value ?? '*';
  } catch {
    return '*';
  }
}

/**
 * Runs one GraphQL request for a shop the way Shopify does: syntax and validation errors, cost limits and the
 * throttle all answer HTTP 200 with `errors`; every answer that got as far as costing carries `extensions.cost`.
 */
export async function executeAdmin(
  shop: ShopState,
  ids: IdSequence,
  body: GraphqlRequest | undefined,
  version: ApiVersion,
): Promise<{ status: number; body: unknown; deprecations?: string[] }> {
  const schema = adminSchema(version);
  if (typeof body?.query !== 'string') {
    return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
  }
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return { status: 200, body: { errors: [(error as GraphQLError).toJSON()] } };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return { status: 200, body: { errors: validationErrors.map(shopifyWording) } };

  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return { status: 200, body: { errors: [{ message: 'An operation name is required' }] } };
  }
  const variables = (body.variables ?? {}) as Record<string, unknown>;
  const fragments = fragmentsOf(document);
  const requested = operationCost(schema, operation, fragments, variables);
  if (requested > SINGLE_QUERY_MAX_COST) {
    return {
      status: 200,
      body: {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: SINGLE_QUERY_MAX_COST },
          },
        ],
      },
    };
  }
  if (!shop.bucket.take(requested)) {
    const cost = { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: shop.bucket.status() };
    return {
      status: 200,
      body: {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: THROTTLED_DOCS } }],
        extensions: { cost },
      },
    };
  }

  const deprecations = deprecationsUsed(schema, document, operation, variables);
  const name = operation.name?.value ?? '*';
  shop.operations.set(name, (shop.operations.get(name) ?? 0) + 1);
  const result = await execute({
    schema,
    document,
    operationName,
    variableValues: variables,
    rootValue: {
      ...queryRoot(shop),
      ...fulfillmentRequestMutations(shop),
      ...fulfillmentCreateMutation(shop, ids),
      ...inventorySetMutation(shop, ids, version),
      ...fulfillmentServiceMutations(shop, ids),
    },
  });
  const actual = Math.min(requested, operationCost(schema, operation, fragments, variables, result.data));
  shop.bucket.refund(requested - actual);
  const cost = { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: shop.bucket.status() };
  return {
    status: 200,
    body: {
      ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
      data: result.data ?? null,
      extensions: { cost },
    },
    deprecations,
  };
}
