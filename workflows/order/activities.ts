import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities';

type Activities = ReturnType<typeof createActivities>;

// Database reads are quick and local: a local activity costs one history event instead of three.
export const { prepareOrder } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// EasyPost calls: transient failures (5xx, timeouts, 429, a call the merchant's pacing turned away) back off up to
// 2 minutes between tries, for 2 hours, then the order goes to `error` where an operator sees it. The merchant's
// pacing and Retry-After keep the load on EasyPost down, not a long backoff: a buyer's cancel waits for the send, so it
// waits out the gap between tries too. Bounded by time, not attempts: a busy merchant's calls turned away by the
// pacing (a few seconds each) must not use up the tries. Business rejections are non-retryable. One minute holds the
// parts of a send: up to 3 s of pacing, the lookup of an earlier create (a few pages, 20 s at most each), and the
// create (20 s), which is not sent unless its whole timeout fits before the attempt's deadline. No heartbeat: the
// attempt's deadline must be one the activity itself knows, so no retry can start while it still talks to EasyPost;
// a worker that dies mid-call is noticed a minute later.
export const { sendOrder, cancelSentOrder, cancelEasyPostOrder } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '2 hours',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

// Cart pushes: carts go down for longer; keep trying for a day before the order shows as stuck. Quick first retries
// (a cart call fails now and then) and at most 2 minutes apart, so tracking reaches the buyer soon after a cart
// comes back.
export const { pushTracking, answerCartCancellation } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '1 second', backoffCoefficient: 1.5, maximumInterval: '2 minutes' },
});
