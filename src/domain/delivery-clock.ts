import { nextLocalTime } from './hold-clock';

/**
 * The merchant's `orderDelivery` setting: when a received order goes to EasyPost. Defined here, where the clock
 * reads it, because src/domain imports only its siblings; `orderDeliverySchema` (src/domain/merchant-settings.ts) validates
 * it, and the compiler checks the two agree.
 */
export type OrderDelivery =
  { mode: 'immediately' } | { mode: 'grace'; minutes: number } | { mode: 'slots'; times: string[]; zone: string };

const MINUTE = 60_000;

// "HH:MM" as ms after local midnight.
function timeOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  if (!Number.isInteger(hours) || !Number.isInteger(minutes)) throw new RangeError(`"${time}" is not HH:MM`);
  return (hours! * 60 + minutes!) * MINUTE;
}

/**
 * When a received order goes to EasyPost: at once, `minutes` after receipt, or at the first slot time at or after
 * receipt in the slots' zone (DST-safe: the first of two on a fall-back day, the end of a gap that skips it).
 * Pure: `receivedAt` is workflow time.
 */
export function nextDeliveryAt(receivedAt: Date, delivery: OrderDelivery): Date {
  switch (delivery.mode) {
    case 'immediately':
      return receivedAt;
    case 'grace':
      return new Date(receivedAt.getTime() + delivery.minutes * MINUTE);
    case 'slots':
      return nextLocalTime(receivedAt, delivery.times.map(timeOfDay), delivery.zone);
  }
}

/**
 * When tracking goes back to the cart: at once (`everySeconds` 0), else at the next multiple of `everySeconds` since
 * the Unix epoch, so all of a cart's orders upload in the same slots.
 */
export function nextUploadAt(now: Date, everySeconds: number): Date {
  if (everySeconds === 0) return now;
  const every = everySeconds * 1000;
  return new Date(Math.ceil(now.getTime() / every) * every);
}
