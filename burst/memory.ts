// The resident memory of a process group (the worker is tsx plus the node process it starts), read from /proc.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Resident bytes of every process in group `pgid`; 0 when none is left (or /proc is absent). */
export function groupRssBytes(pgid: number): number {
  let total = 0;
  for (const entry of safeList('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the name (field 2) may contain spaces, so split after it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const residentPages = Number(readFileSync(`/proc/${entry}/statm`, 'utf8').split(' ')[1]);
      total += residentPages * PAGE_BYTES;
    } catch {
      // The process ended while we read it.
    }
  }
  return total;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export interface RssSample {
  atMs: number;
  bytes: number;
}

/** Samples `pid()`'s group every `intervalMs` until stopped. */
export function sampleRss(pid: () => number | undefined, intervalMs: number): { stop(): RssSample[] } {
  const samples: RssSample[] = [];
  const take = () => {
    const current = pid();
    if (current !== undefined) samples.push({ atMs: Date.now(), bytes: groupRssBytes(current) });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
