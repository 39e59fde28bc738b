// The simulators' own field notation: they share no domain code with epf, so they cannot share its bugs.

/** `['line_items', 0, 'units']` → `line_items[0].units`, the way the simulated APIs name fields. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name === '' ? String(key) : `${name}.${String(key)}`;
  }, '');
}
