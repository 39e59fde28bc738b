// Characters a POSIX shell takes literally in a word: such a value is pasted as it is.
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `value` as one shell word: as it is when plain, else single-quoted (`'#1001'`, `'it'\''s'`), so fixes paste. */
export function shellWord(value: string): string {
  return PLAIN.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
