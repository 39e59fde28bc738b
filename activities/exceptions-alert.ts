import { log } from '@temporalio/activity';
import type { Pool } from 'pg';
import { createAlertedExceptionStore } from '../src/db/alerted-exceptions';
import type { Exception } from '../src/domain/exceptions';
import { findExceptions } from '../src/exceptions/find-exceptions';
import { EXCEPTIONS_ALERT_SCHEDULE_ID } from '../workflows/definitions';

export interface ExceptionActivityDeps {
  pool: Pool;
  /** EXCEPTIONS_WEBHOOK_URL; unset, alerting does nothing. */
  webhookUrl?: string;
}

export interface ExceptionAlertResult {
  /** Exceptions now. */
  current: number;
  /** Of those, sent to the webhook by this run. */
  alerted: number;
}

/** The JSON the alert webhook receives; `text` makes it readable as a chat message too (Slack, Mattermost). */
export interface ExceptionAlert {
  text: string;
  exceptions: Exception[];
}

// A webhook that does not answer in this time is tried again by the activity's retry policy.
const POST_TIMEOUT_MS = 10_000;

/** The alert webhook: new exceptions out, each once. */
export function createExceptionActivities(deps: ExceptionActivityDeps) {
  const alerted = createAlertedExceptionStore(deps.pool);
  return {
    /**
     * Posts the exceptions the webhook has not been told about yet. A key is marked only once the webhook accepted
     * it, so a failed post is sent again by the retry or the next run (at least once; a crash between the post and
     * the mark may repeat one).
     */
    async alertNewExceptions(): Promise<ExceptionAlertResult> {
      if (!deps.webhookUrl) {
        log.warn(
          `The ${EXCEPTIONS_ALERT_SCHEDULE_ID} schedule ran but EXCEPTIONS_WEBHOOK_URL is not set on this worker`,
        );
        return { current: 0, alerted: 0 };
      }
      const exceptions = (await findExceptions(deps.pool))!;
      const unalerted = await alerted.sync(exceptions.map((exception) => exception.key));
      const fresh = exceptions.filter((exception) => unalerted.has(exception.key));
      if (fresh.length > 0) {
        await post(deps.webhookUrl, { text: summary(fresh), exceptions: fresh });
        await alerted.markAlerted(fresh.map((exception) => exception.key));
        log.info('Exceptions alerted', { alerted: fresh.length, current: exceptions.length });
      }
      return { current: exceptions.length, alerted: fresh.length };
    },
  };
}

function summary(fresh: Exception[]): string {
  const lines = fresh.map((e) => `${e.merchantId} ${e.order ? `${e.order.cartOrderNumber} ` : ''}${e.kind}: ${e.fix}`);
  return `epf: ${fresh.length} new exception(s) need a person\n${lines.join('\n')}`;
}

// The URL may carry a token (chat webhooks do): errors name the status, never the URL.
async function post(url: string, alert: ExceptionAlert): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alert),
    signal: AbortSignal.timeout(POST_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`The exceptions webhook answered ${response.status}`);
}
