import fc from 'fast-check';
import { webhookSignature } from '../../src/simulators/easypost';
import { mutationsOf, nastyJson } from './json-mutations';
import { runningApi, WEBHOOK_SECRET } from './running-api';
import { fuzzParams, fuzzTimeout } from './runs';

// Boundary 2, webhooks: POST /webhooks/easypost through a running API. A bad signature is a 401 whatever the body;
// a signed body EasyPost could never have meant is a 4xx naming the field; nothing is a 500.

const api = runningApi();
const PATH = '/webhooks/easypost';

const event = {
  id: 'evt_1',
  object: 'Event',
  mode: 'test',
  description: 'fulfillment.order.updated',
  created_at: '2024-01-01T00:00:00Z',
  previous_attributes: { status: 'picked' },
  result: {
    id: 'order_not_ours',
    created_at: 1704067200,
    updated_at: 1704067300,
    status: 'shipped',
    picks: [{ id: 'pick_1', tracker: { id: 'trk_1', tracking_code: '1Z', carrier: 'UPS' }, inventories: [] }],
    trackers: [],
  },
};

const body = fc.oneof(
  mutationsOf(event).map((value) => JSON.stringify(value)),
  nastyJson.map((value) => JSON.stringify(value) ?? ''),
  fc.string({ maxLength: 100 }),
);

const post = (text: string, signature: string | undefined) =>
  api.send('POST', PATH, {
    body: text,
    headers: {
      'content-type': 'application/json',
      ...(signature === undefined ? {} : { 'x-hmac-signature': signature }),
    },
  });

describe('EasyPost webhooks', () => {
  it(
    'answers 401 to every body without a valid signature',
    async () => {
      const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
      const signature = fc.oneof(
        fc.constant(undefined),
        fc.stringMatching(/^[ -~]{0,80}$/),
        hex64.map((hex) => `hmac-sha256-hex=${hex}`),
        fc.constant('hmac-sha256-hex='),
      );
      await fc.assert(
        fc.asyncProperty(body, signature, async (text, header) => {
          expect((await post(text, header)).status).toBe(401);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(5),
  );

  it(
    'answers a signed body with 200 or a 4xx naming the field, never a 500',
    async () => {
      await fc.assert(
        fc.asyncProperty(body, async (text) => {
          const answer = await post(text, webhookSignature(WEBHOOK_SECRET, text));
          expect(answer.status === 200 || answer.status === 400).toBe(true);
          if (answer.status === 400) expect(answer.body).toMatchObject({ field: expect.stringMatching(/./) });
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(8),
  );
});
