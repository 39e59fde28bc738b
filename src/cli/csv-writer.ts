/** A CSV cell's value: text as it is, numbers in decimal, dates in ISO 8601 (UTC), null and undefined empty. */
export type CsvValue = string | number | Date | null | undefined;

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field, quoted only when RFC 4180 requires it. */
export function csvField(value: CsvValue): string {
  const text = value instanceof Date ? value.toISOString() : String(value ?? '');
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ended by CRLF as RFC 4180 asks (parseCsv reads it back, as spreadsheets do). */
export function csvRecord(values: CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
