import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { fieldName } from './field-name';

// A simulator's state kept in a JSON file, so the local stack's simulators still have yesterday's orders after a
// restart (the orders epf keeps in Temporal point at them). Maps are written as {"$map": [[key, value], ...]}.

const MAP = '$map';
const FORMAT = 1;

const fileSchema = z.object({
  format: z.literal(FORMAT),
  simulator: z.string(),
  /** What seeding answered (keys, credentials), for the ready line of a restored simulator. */
  demo: z.unknown(),
  state: z.unknown(),
});

/** What a simulator process keeps: its demo seed's answer and its whole state. */
export interface KeptState<D> {
  demo: D;
  /** Writes the state one last time and stops keeping the file current (at shutdown). */
  close(): void;
}

export interface KeepStateOptions<D, S = unknown> {
  /** e.g. `easypost`: a file written by another simulator is refused. */
  simulator: string;
  /** Where the state lives; undefined keeps nothing (seeds every start). */
  file: string | undefined;
  /** The simulator's state as plain data and Maps; `restore` takes what it gave. */
  snapshot(): unknown;
  restore(state: S): void;
  /** Seeds a simulator that has no file yet; its answer is kept beside the state. */
  seed(): D;
  /** The shapes a kept file must have: a corrupt or older one is refused, naming the file and the field. */
  schemas?: { demo: z.ZodType<D>; state: z.ZodType<S> };
  everyMs?: number;
}

/** Restores the simulator from `file` (or seeds it when there is none), then keeps the file current. */
export function keepState<D, S = unknown>(options: KeepStateOptions<D, S>): KeptState<D> {
  const { file } = options;
  if (!file) return { demo: options.seed(), close: () => undefined };
  const kept = existsSync(file) ? readKept(file, options.simulator, options.schemas) : undefined;
  let demo: D;
  if (kept) {
    // Checked against `schemas.state` when given; without schemas S is unknown.
    options.restore(kept.state as S);
    demo = kept.demo as D;
  } else {
    demo = options.seed();
  }
  let written = '';
  const save = () => {
    const text = JSON.stringify(
      { format: FORMAT, simulator: options.simulator, demo, state: options.snapshot() },
      (_key, value: unknown) => (value instanceof Map ? { [MAP]: [...value.entries()] } : value),
    );
    if (text === written) return;
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename, so a crash mid-write leaves the previous state rather than half a file.
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
    written = text;
  };
  save();
  const timer = setInterval(save, options.everyMs ?? 2000);
  timer.unref();
  return {
    demo,
    close() {
      clearInterval(timer);
      save();
    },
  };
}

function readKept(
  file: string,
  simulator: string,
  schemas: { demo: z.ZodType; state: z.ZodType } | undefined,
): { demo: unknown; state: unknown } {
  const problem = (why: string) =>
    new Error(`${file}: ${why}; delete it (or run \`npm run dev -- --fresh\`) to start the simulator empty`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) =>
      isMapJson(value) ? new Map(value[MAP]) : value,
    );
  } catch (err) {
    throw problem(`not a state file (${(err as Error).message})`);
  }
  const kept = fileSchema.safeParse(parsed);
  if (!kept.success) throw problem(`not a state file (${firstIssue(kept.error)})`);
  if (kept.data.simulator !== simulator) throw problem(`the state of the ${kept.data.simulator} simulator`);
  if (!schemas) return kept.data;
  const checked = z.object(schemas).safeParse(kept.data);
  if (!checked.success)
    throw problem(`not a state this ${simulator} simulator can read (${firstIssue(checked.error)})`);
  return checked.data;
}

const firstIssue = (error: z.ZodError) => `${fieldName(error.issues[0]?.path ?? [])}: ${error.issues[0]?.message}`;

function isMapJson(value: unknown): value is { [MAP]: [unknown, unknown][] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as Record<string, unknown>)[MAP]);
}
