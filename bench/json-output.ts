// `--json` on every bench: the report as one line, the last on stdout. One line because the Temporal dev server a
// bench starts prints its banner on the same stdout, and no option silences it.

/** Prints a bench's report for `npm run bench:report` and the smoke tests. */
export function printJson(report: unknown): void {
  console.log(JSON.stringify(report));
}

/** The report a bench printed with `--json`: its last non-empty stdout line. */
export function parseJsonOutput<T>(stdout: string): T {
  const last = stdout.trimEnd().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`no JSON report on the last line of the bench's output: ${JSON.stringify(last.slice(0, 200))}`);
  }
}
