/** A Markdown table; prettier aligns it afterwards. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Rows of objects (what the benches' console tables show) as one table, columns in first-seen order. */
export function objectTable(rows: Record<string, unknown>[]): string {
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return table(
    headers,
    rows.map((row) => headers.map((header) => format(row[header]))),
  );
}

function format(value: unknown): string | number {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toFixed(2));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
