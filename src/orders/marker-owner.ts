import { MAX_MARKER_LENGTH } from '../easypost/idempotent-create';
import { parseOrderWorkflowId } from '../../workflows/definitions';

/** The order an EasyPost order's `epf:` marker names (see `orderMarker`). */
export interface MarkerOwner {
  marker: string;
  /** Cart IDs are short slugs, so even a hashed marker carries its cart whole. */
  cartId: string;
  /** Undefined when the marker is hashed: only the orders index can name that workflow. */
  workflowId?: string;
}

const PREFIX = 'epf:';
// `orderMarker` cuts a long workflow ID to the cap and ends it in `~` and 16 hex characters of its hash.
const HASHED = /~[0-9a-f]{16}$/;

/** The cart an `epf:<order workflow ID>` token names; undefined for any other token. */
function ownerOf(token: string): { cartId: string } | undefined {
  return token.startsWith(PREFIX) ? parseOrderWorkflowId(token.slice(PREFIX.length)) : undefined;
}

/**
 * The order whose marker ends an EasyPost order's description (we append it last, so the last marker wins over any
 * merchant text), or undefined when there is none: not an order epf created.
 */
export function markerOwner(description: string | null | undefined): MarkerOwner | undefined {
  const marker = (description ?? '')
    .split(/\s+/)
    .filter((token) => ownerOf(token) !== undefined)
    .at(-1);
  // Text with NUL can be neither a workflow ID nor stored, so it is nobody's marker.
  if (marker === undefined || marker.includes('\u0000')) return undefined;
  const hashed = marker.length === MAX_MARKER_LENGTH && HASHED.test(marker);
  return {
    marker,
    cartId: ownerOf(marker)!.cartId,
    workflowId: hashed ? undefined : marker.slice(PREFIX.length),
  };
}
