/** The code of a call refused before it was sent: nothing left the machine, so nothing can have committed. */
export const NOT_SENT_CODE = 'EPF_NOT_SENT';

/** A call refused before it was sent (see `boundedFetch` in activities/): clients classify it as safe to retry. */
export class NotSentError extends Error {
  override readonly name = 'NotSentError';
  override readonly cause = { code: NOT_SENT_CODE };
}
