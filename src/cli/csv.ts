/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into records keyed by the header row, with
 * each record's line number for error messages. Header names are trimmed and lower-cased.
 */
export function parseCsv(text: string): { line: number; values: Record<string, string> }[] {
  const rows = splitRows(text.replace(/^\uFEFF/, ''));
  const header = rows.shift();
  if (!header) return [];
  const names = header.fields.map((name) => name.trim().toLowerCase());
  return rows
    .filter((row) => row.fields.some((field) => field.trim() !== ''))
    .map((row) => ({
      line: row.line,
      values: Object.fromEntries(names.map((name, index) => [name, (row.fields[index] ?? '').trim()])),
    }));
}

function splitRows(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line += 1;
      rowLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}
