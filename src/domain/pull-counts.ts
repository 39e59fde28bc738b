/** What a pull of a cart counts: per page (the activity's result) and in total (the workflow's). */
export interface PullCounts {
  pulled: number;
  started: number;
  duplicates: number;
  malformed: number;
  cancelled: number;
  skipped: number;
  /** Accepts the cart did not take this time: recorded, and repeated by the next pulls. */
  acceptsDeferred: number;
  /** Accepts deferred by earlier pulls that the cart took now. */
  acceptsRepaired: number;
}

/** Every count at zero. */
export function noPullCounts(): PullCounts {
  return {
    pulled: 0,
    started: 0,
    duplicates: 0,
    malformed: 0,
    cancelled: 0,
    skipped: 0,
    acceptsDeferred: 0,
    acceptsRepaired: 0,
  };
}
