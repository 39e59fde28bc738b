import type { Pool } from 'pg';

/** What the send activity knows of the creates sent for an order before this attempt. */
export interface EarlierCreate {
  /** How many creates were sent, by any attempt of any send. */
  creates: number;
  /** How long until the last of them has settled (committed and listed, or never will): 0 when it has. */
  settlesInMs: number;
}

/**
 * A durable note of every create sent to EasyPost, written just before the request leaves, on PostgreSQL's clock so
 * every worker agrees. A later attempt (after a timeout, a crash, a resend) reads it to know whether an order may
 * exist to look up, and how long to wait before a lookup can be trusted.
 */
export function createEasyPostCreates(pool: Pool) {
  return {
    async earlier(workflowId: string, settleMs: number): Promise<EarlierCreate | undefined> {
      const { rows } = await pool.query<{ creates: number; settles_in_ms: number }>(
        `SELECT creates,
                CASE WHEN answered THEN 0
                     ELSE greatest(0, extract(epoch FROM last_sent_at - now()) * 1000 + $2) END::float8 AS settles_in_ms
           FROM easypost_creates WHERE workflow_id = $1`,
        [workflowId, settleMs],
      );
      const row = rows[0];
      return row && { creates: row.creates, settlesInMs: Math.ceil(row.settles_in_ms) };
    },

    async record(workflowId: string): Promise<void> {
      await pool.query(
        `INSERT INTO easypost_creates AS c (workflow_id, last_sent_at, creates) VALUES ($1, now(), 1)
         ON CONFLICT (workflow_id) DO UPDATE SET last_sent_at = now(), creates = c.creates + 1, answered = false`,
        [workflowId],
      );
    },

    /** EasyPost answered the last create (a 2xx or a refusal): no need to wait for it to settle. */
    async answered(workflowId: string): Promise<void> {
      await pool.query(`UPDATE easypost_creates SET answered = true WHERE workflow_id = $1`, [workflowId]);
    },
  };
}

export type EasyPostCreates = ReturnType<typeof createEasyPostCreates>;
