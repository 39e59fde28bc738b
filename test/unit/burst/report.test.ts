import type { temporal } from '@temporalio/proto';
import { historyCost } from '../../../burst/history-cost';
import { burstFailures } from '../../../burst/report';
import { peakPerWindow, type BurstReport } from '../../../burst/scenario';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

describe('peakPerWindow', () => {
  it('counts the most timestamps in any window', () => {
    expect(peakPerWindow([], 1000)).toBe(0);
    expect(peakPerWindow([0, 200, 400, 600, 800, 1000, 1200], 1000)).toBe(5);
    expect(peakPerWindow([5000, 0, 10, 20, 999], 1000)).toBe(4);
  });
});

describe('historyCost', () => {
  it('bills local activities once per workflow task, and every timer, activity, retry and upsert', () => {
    const events: HistoryEvent[] = [
      { workflowTaskCompletedEventAttributes: {} },
      { markerRecordedEventAttributes: {} },
      { markerRecordedEventAttributes: {} },
      { upsertWorkflowSearchAttributesEventAttributes: {} },
      { timerStartedEventAttributes: {} },
      { workflowTaskCompletedEventAttributes: {} },
      { markerRecordedEventAttributes: {} },
      { activityTaskScheduledEventAttributes: {} },
      { activityTaskStartedEventAttributes: { attempt: 3 } },
    ];
    expect(historyCost(events)).toEqual({
      events: 9,
      actions: 6,
      actionsByKind: {
        'local activities': 2,
        'search attribute upsert': 1,
        timer: 1,
        activity: 1,
        'activity retry': 1,
      },
    });
  });
});

describe('burstFailures', () => {
  const passing: BurstReport = {
    orders: 100,
    ratePerSecond: 10,
    resendAt: '2026-11-26T09:00:00.000Z',
    boundSeconds: 25,
    drainSeconds: 24,
    drained: true,
    resent: 100,
    atWms: 99,
    heldAgain: 1,
    lost: [],
    duplicates: [],
    requests: 200,
    rateLimited: 0,
    peakRequestsPerSecond: 10,
    sustainedRequestsPerSecond: 10,
    rss: { atResendMb: 400, peakMb: 420, endMb: 410, samples: 20 },
    heldDay: { events: 20, actions: 7, actionsByKind: {} },
    setupSeconds: 10,
  };

  it('passes a run within every limit', () => {
    expect(burstFailures(passing)).toEqual([]);
  });

  it('fails on a 429, a loss, a duplicate, an undrained run or a missed bound', () => {
    expect(
      burstFailures({
        ...passing,
        rateLimited: 2,
        lost: ['b1'],
        duplicates: ['b2'],
        drained: false,
        drainSeconds: 90,
      }),
    ).toHaveLength(5);
  });
});
