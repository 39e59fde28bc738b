import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { inventoryAvailableSignal, statusQuery } from '../../workflows/definitions';
import { MAX_HOLDS_PER_RUN } from '../../workflows/order';
import { connectTimeSkipping } from '../helpers/temporal';
import { runOrder, waitForStatus } from './order-fakes';

const ZONE = 'America/Los_Angeles';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectTimeSkipping();
});

afterAll(async () => {
  await env?.teardown();
});

const localParts = (ms: number) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  );
const localDate = (ms: number) => `${localParts(ms).year}-${localParts(ms).month}-${localParts(ms).day}`;
const localTime = (ms: number) => `${localParts(ms).hour}:${localParts(ms).minute}`;
const offsetHours = (ms: number) =>
  ((Date.UTC(2000, 0, 1, Number(localParts(ms).hour)) - Date.UTC(2000, 0, 1, new Date(ms).getUTCHours()) + 24 * DAY) %
    DAY) /
  HOUR;

/**
 * The test server's clock only moves forward and jumps when a client waits on a result, so instead of fixed dates
 * we find the next daylight-saving change (`towards` = 'summer' or 'winter') after the server's time. The fixed
 * 2027 instants are pinned in test/unit/domain/hold-clock.test.ts.
 */
async function noonBeforeNextChange(towards: 'summer' | 'winter'): Promise<number> {
  let ms = (await env.currentTimeMs()) + DAY;
  for (let days = 0; days < 400; days += 1, ms += DAY) {
    const change = offsetHours(ms + DAY) - offsetHours(ms);
    if ((towards === 'summer' && change > 0) || (towards === 'winter' && change < 0)) return ms - DAY;
  }
  throw new Error('no daylight-saving change within 400 days');
}

describe.each(['summer', 'winter'] as const)('holding across the change to %s time', (towards) => {
  it('resends once per local day, at 01:00 Los Angeles time', async () => {
    const start = await noonBeforeNextChange(towards);
    await env.sleep(start - (await env.currentTimeMs()));
    await runOrder(env, { thereafter: 'stock' }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      await env.sleep(4 * DAY);
      await waitForStatus(handle, 'on_hold');
      const resends = log.sendTimes.slice(1).map((time) => time.getTime());
      expect(resends.length).toBeGreaterThanOrEqual(4);
      // Each resend at 01:00 local (within the minute the activity takes to be scheduled), one per calendar day.
      expect(resends.map(localTime)).toEqual(resends.map(() => '01:00'));
      const days = resends.map(localDate);
      expect(new Set(days).size).toBe(days.length);
      for (let i = 1; i < resends.length; i += 1) {
        expect(Date.parse(days[i]!) - Date.parse(days[i - 1]!)).toBe(DAY);
      }
    });
  });
});

describe('a long hold', () => {
  it('wakes early when the inventory pickup sees stock', async () => {
    await runOrder(env, { sends: ['stock'] }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      await handle.signal(inventoryAvailableSignal);
      await waitForStatus(handle, 'at_wms');
      expect(log.sends).toHaveLength(2);
    });
  });

  it('keeps 30 days of daily resends within a bounded history through continue-as-new', async () => {
    await runOrder(env, { thereafter: 'stock' }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      for (let day = 0; day < 30; day += 1) await env.sleep(DAY);
      await waitForStatus(handle, 'on_hold');

      const view = await handle.query(statusQuery);
      expect(view.holdCount).toBeGreaterThanOrEqual(30);
      expect(log.sends.length).toBe(view.holdCount);
      const { historyLength, runId } = await handle.describe();
      const firstRun = log.transitions[0]!.workflowId;
      expect(firstRun).toBe(handle.workflowId);
      expect(historyLength).toBeLessThan(MAX_HOLDS_PER_RUN * 20);
      expect(runId).toBeDefined();
      // Continue-as-new kept the order's identity: same workflow ID, hold count carried over.
      expect(view.cartOrderId).toBe(log.sends[0]!.workflowId.split(':')[2]);
    });
  });
});
