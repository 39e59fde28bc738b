import type { Pool } from 'pg';

/** `requests`: every HTTP call to EasyPost. `sends`: order sends admitted by their workflows, ahead of the call. */
export type PacingLane = 'requests' | 'sends';

export interface SlotRequest {
  /** Requests this slot is for: the slot lasts `cost / perSecond` seconds. */
  cost: number;
  perSecond: number;
  /** Refuse (and take nothing) when the slot would begin later than this from now; unset: always take it. */
  maxWaitMs?: number;
}

/** When the slot begins, from now; `taken: false` when it was refused for beginning after `maxWaitMs`. */
export interface Slot {
  taken: boolean;
  waitMs: number;
}

/**
 * Slots on one clock (PostgreSQL's) shared by every worker: each reservation starts where the previous one ended, or
 * now if the lane is idle, so a lane never runs faster than `perSecond` however many processes take from it. No burst
 * is saved up while idle: EasyPost's own bucket absorbs network jitter instead.
 */
export function createEasyPostPacing(pool: Pool) {
  return {
    async reserve(merchantId: string, lane: PacingLane, { cost, perSecond, maxWaitMs }: SlotRequest): Promise<Slot> {
      const slotMs = (cost * 1000) / perSecond;
      const { rows } = await pool.query<{ wait_ms: number }>(
        `INSERT INTO easypost_pacing AS p (merchant_id, lane, next_free_at)
         VALUES ($1, $2, now() + $3 * interval '1 millisecond')
         ON CONFLICT (merchant_id, lane) DO UPDATE
           SET next_free_at = greatest(p.next_free_at, now()) + $3 * interval '1 millisecond'
           WHERE $4::float8 IS NULL OR greatest(p.next_free_at, now()) <= now() + $4 * interval '1 millisecond'
         RETURNING (extract(epoch FROM next_free_at - now()) * 1000 - $3)::float8 AS wait_ms`,
        [merchantId, lane, slotMs, maxWaitMs ?? null],
      );
      if (rows[0]) return { taken: true, waitMs: Math.max(0, rows[0].wait_ms) };
      const busy = await pool.query<{ wait_ms: number }>(
        `SELECT (extract(epoch FROM next_free_at - now()) * 1000)::float8 AS wait_ms
         FROM easypost_pacing WHERE merchant_id = $1 AND lane = $2`,
        [merchantId, lane],
      );
      return { taken: false, waitMs: Math.max(0, busy.rows[0]?.wait_ms ?? 0) };
    },
  };
}

export type EasyPostPacing = ReturnType<typeof createEasyPostPacing>;
