import {
  getNamedType,
  isObjectType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What a mutation field costs, as Shopify's rate-limit docs state. */
export const MUTATION_COST = 10;
/** The most one query may request, as Shopify enforces it (MAX_COST_EXCEEDED above). */
export const SINGLE_QUERY_MAX_COST = 1000;

interface CostContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Data = Record<string, unknown> | null | undefined;

function collectFields(set: SelectionSetNode, fragments: CostContext['fragments']): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return collectFields(selection.selectionSet, fragments);
    const fragment = fragments[selection.name.value];
    return fragment ? collectFields(fragment.selectionSet, fragments) : [];
  });
}

function firstArgument(field: FieldNode, type: GraphQLObjectType, context: CostContext): number {
  const definition = type.getFields()[field.name.value]?.args.find((arg) => arg.name === 'first');
  const node = field.arguments?.find((arg) => arg.name.value === 'first');
  if (!definition || !node) return 0;
  const value: unknown = valueFromAST(node.value, definition.type, context.variables);
  return typeof value === 'number' ? value : 0;
}

const isConnection = (type: GraphQLObjectType): boolean => type.name.endsWith('Connection');

function asRecord(value: unknown): Data {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/** The items a connection returned, through `edges { node }` or `nodes`. */
function connectionItems(data: Data): Data[] {
  const edges = data?.edges;
  if (Array.isArray(edges)) return edges.map((edge) => asRecord(asRecord(edge)?.node));
  const nodes = data?.nodes;
  return Array.isArray(nodes) ? nodes.map(asRecord) : [];
}

/** One item of a connection: its `edges.node` or `nodes` selection, whichever costs more. */
function connectionItemCost(field: FieldNode, type: GraphQLObjectType, item: Data, context: CostContext): number {
  let most = 0;
  for (const sub of collectFields(field.selectionSet!, context.fragments)) {
    const subType = getNamedType(type.getFields()[sub.name.value]?.type);
    if (!isObjectType(subType) || !sub.selectionSet) continue;
    if (sub.name.value === 'nodes') most = Math.max(most, 1 + selectionCost(sub.selectionSet, subType, item, context));
    if (sub.name.value !== 'edges') continue;
    for (const edgeField of collectFields(sub.selectionSet, context.fragments)) {
      const nodeType = getNamedType(subType.getFields()[edgeField.name.value]?.type);
      if (edgeField.name.value !== 'node' || !isObjectType(nodeType) || !edgeField.selectionSet) continue;
      most = Math.max(most, 1 + selectionCost(edgeField.selectionSet, nodeType, item, context));
    }
  }
  return most;
}

/**
 * Shopify's cost rules, simplified: scalars and enums 0, objects 1, a connection 2 plus its items, each costing its
 * node's selection. With `data` undefined, a connection counts `first` items (the requested cost); with data, the
 * items it returned (the actual cost).
 */
function selectionCost(set: SelectionSetNode, type: GraphQLObjectType, data: Data, context: CostContext): number {
  let total = 0;
  for (const field of collectFields(set, context.fragments)) {
    const fieldType = getNamedType(type.getFields()[field.name.value]?.type);
    if (!isObjectType(fieldType) || fieldType.name === 'PageInfo') continue;
    const value = data === undefined ? undefined : data?.[field.alias?.value ?? field.name.value];
    if (isConnection(fieldType) && field.selectionSet) {
      const items =
        data === undefined
          ? Array.from({ length: firstArgument(field, type, context) }, () => undefined)
          : connectionItems(asRecord(value));
      total += 2 + items.reduce<number>((sum, item) => sum + connectionItemCost(field, fieldType, item, context), 0);
    } else {
      const child = field.selectionSet
        ? Array.isArray(value)
          ? value.reduce<number>(
              (sum, v) => sum + selectionCost(field.selectionSet!, fieldType, asRecord(v), context),
              0,
            )
          : selectionCost(field.selectionSet, fieldType, data === undefined ? undefined : asRecord(value), context)
        : 0;
      total += 1 + child;
    }
  }
  return total;
}

/**
 * The cost of an operation: each mutation field a flat MUTATION_COST; a query by the rules above, requested (no
 * `data`) or actual (the data it returned).
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: CostContext['fragments'],
  variables: Record<string, unknown>,
  data?: Data,
): number {
  if (operation.operation === 'mutation') {
    return collectFields(operation.selectionSet, fragments).length * MUTATION_COST;
  }
  const root = schema.getQueryType();
  if (!root) return 0;
  return selectionCost(operation.selectionSet, root, data, { schema, fragments, variables });
}
