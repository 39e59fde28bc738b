import { GraphQLError } from 'graphql';
import { numericTail } from './ids';

/** Shopify caps `first` at 250 on every connection. */
export const MAX_PAGE_SIZE = 250;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<V> {
  edges: { cursor: string; node: V }[];
  nodes: V[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const encodeCursor = (id: string): string =>
  Buffer.from(JSON.stringify({ last_id: Number(numericTail(id)) })).toString('base64url');

function decodeCursor(cursor: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const lastId = (parsed as { last_id?: unknown }).last_id;
    if (typeof lastId === 'number') return lastId;
  } catch {
    // Falls through to the error below.
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: 'BAD_REQUEST' } });
}

/**
 * One forward page of `items` (already in id order) as a Relay connection. Cursors are opaque to clients and encode
 * the last id, so a page stays stable when earlier items leave the list.
 */
export function connection<T extends { id: string }, V>(
  items: readonly T[],
  args: PageArgs,
  view: (item: T) => V,
): Connection<V> {
  const first = args.first;
  if (first === undefined || first === null) {
    throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  }
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`The value of 'first' must be between 0 and ${MAX_PAGE_SIZE}.`, {
      extensions: { code: 'BAD_REQUEST' },
    });
  }
  const after = args.after ? decodeCursor(args.after) : undefined;
  const rest = after === undefined ? items : items.filter((item) => Number(numericTail(item.id)) > after);
  const page = rest.slice(0, first);
  const edges = page.map((item) => ({ cursor: encodeCursor(item.id), node: view(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: rest.length > page.length,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
