// Output: tables and key/value blocks for people, JSON for scripts (`--json`).

/** Prints `value` as indented JSON on stdout. */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Left-aligned columns separated by two spaces; empty cells show as `-`. */
export function formatTable(headers: string[], rows: (string | undefined)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => cell || '-'))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `label  value` lines with the labels aligned; undefined values show as `-`. */
export function formatFields(fields: [label: string, value: string | number | undefined][]): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${value ?? '-'}`).join('\n');
}

/** A timestamp to the minute in UTC, e.g. `2027-03-14 09:00Z`. */
export function formatTime(time: Date | string | null | undefined): string | undefined {
  if (!time) return undefined;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}
