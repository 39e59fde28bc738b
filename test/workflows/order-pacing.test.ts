import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { cancelSignal, inventoryAvailableSignal, statusQuery } from '../../workflows/definitions';
import { nextResendAt } from '../../src/domain/hold-clock';
import { connectTimeSkipping } from '../helpers/temporal';
import { runOrder, waitForStatus } from './order-fakes';

const MINUTE = 60_000;

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectTimeSkipping();
});

afterAll(async () => {
  await env?.teardown();
});

const localTime = (date: Date, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(
    date,
  );

describe('sends paced under the merchant EasyPost rate', () => {
  it('an order alone is sent with no wait: no timer in its history', async () => {
    await runOrder(env, {}, async ({ handle }) => {
      await waitForStatus(handle, 'at_wms');
      const history = await handle.fetchHistory();
      expect(history.events!.filter((event) => event.timerStartedEventAttributes)).toHaveLength(0);
    });
  });

  it('a resend waits for its slot on a durable timer, shows when it goes, then sends once', async () => {
    await runOrder(env, { sends: ['stock'], sendSlotWaits: [0, 40 * MINUTE] }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      await handle.signal(inventoryAvailableSignal);
      await waitForStatus(handle, 'sending');
      const waiting = await handle.query(statusQuery);
      expect(waiting.sendAt).toBeDefined();
      expect(log.sends).toHaveLength(1);

      await env.sleep(40 * MINUTE);
      await waitForStatus(handle, 'at_wms');
      expect(log.sends).toHaveLength(2);
      const woken = Date.parse(waiting.sendAt!) - 40 * MINUTE;
      expect(log.sendTimes[1]!.getTime() - woken).toBeGreaterThanOrEqual(40 * MINUTE - 1000);
      expect((await handle.query(statusQuery)).sendAt).toBeUndefined();
    });
  });

  it('a cancel while waiting for the slot cancels without a send', async () => {
    await runOrder(env, { sends: ['stock'], sendSlotWaits: [0, 40 * MINUTE] }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      await handle.signal(inventoryAvailableSignal);
      await waitForStatus(handle, 'sending');
      await handle.signal(cancelSignal, { reason: 'buyer changed their mind', source: 'operator' });
      await waitForStatus(handle, 'cancelled');
      expect(log.sends).toHaveLength(1);
    });
  });

  it('resends at the minute the merchant chose', async () => {
    const resend = { hour: 1, minute: 30, zone: 'America/Los_Angeles' };
    await runOrder(env, { sends: ['stock'], resend }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      const now = new Date(await env.currentTimeMs());
      await env.sleep(nextResendAt(now, resend.hour, resend.zone, resend.minute).getTime() - now.getTime() + MINUTE);
      await waitForStatus(handle, 'at_wms');
      expect(localTime(log.sendTimes[1]!, resend.zone)).toBe('01:30');
    });
  });

  it('a send turned away by the pacing more than 30 times still goes through: retries are bounded by time', async () => {
    await runOrder(env, { rateLimitedSends: 40 }, async ({ handle, log }) => {
      await env.sleep(45 * MINUTE);
      await waitForStatus(handle, 'at_wms');
      expect(log.rateLimited).toBe(40);
      expect(log.sends).toHaveLength(1);
    });
  });
});
