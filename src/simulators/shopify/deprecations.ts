import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  NoDeprecatedCustomRule,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** The deprecated input fields inside one variable's value, walked along its type. */
function deprecatedInValue(type: GraphQLInputType, value: unknown, found: Set<string>): void {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) for (const item of value) deprecatedInValue(nullable.ofType, item, found);
    return;
  }
  if (!isInputObjectType(nullable) || typeof value !== 'object' || value === null) return;
  const fields = nullable.getFields();
  for (const [name, fieldValue] of Object.entries(value)) {
    const field = fields[name];
    if (!field) continue;
    if (field.deprecationReason != null) found.add(`${nullable.name}.${name}`);
    deprecatedInValue(field.type, fieldValue, found);
  }
}

/**
 * The deprecated fields, arguments, enum values and input fields a request uses, as `Type.field` (how Shopify's
 * X-Shopify-API-Deprecated-Reason lists them from 2025-04): those the document spells out and the input fields its
 * variables carry.
 */
export function deprecationsUsed(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): string[] {
  const found = new Set(
    validate(schema, document, [NoDeprecatedCustomRule]).flatMap(
      (error) => /([A-Za-z_]\w*\.[A-Za-z_]\w*)/.exec(error.message)?.[1] ?? [],
    ),
  );
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type && isInputObjectType(getNamedType(type))) {
      deprecatedInValue(type, variables[definition.variable.name.value], found);
    }
  }
  return [...found];
}
