import fc from 'fast-check';

type Path = (string | number)[];

/** Strings that break naive parsers: empty, padding, NUL, numbers and keywords as text, prototype keys, huge. */
const trickyString = fc.oneof(
  fc.constantFrom('', ' ', '  \t\n', '\u0000', 'NaN', '-1', '0', '1.5', '1e400', 'null', 'true', '__proto__'),
  fc.constantFrom('constructor', 'toString', '2027-02-30T25:61:00Z', '%00', '\u202e', '🧦'.repeat(50)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 60_000 }).map((length) => 'x'.repeat(length)),
  // PostgreSQL text cannot hold NUL: a classic source of 500s behind a valid-looking string.
  fc.string({ maxLength: 10 }).map((text) => `${text}\u0000`),
);

/** Numbers at the edges: negative, fractional, huge, out of the Date range, unsafe integers. */
const trickyNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1e20, 1e300, -1e300, 8.64e15 + 1, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE),
  fc.integer(),
  // Beyond PostgreSQL's integer, and beyond exact doubles: numbers zod's int() still accepts.
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any value a JSON body can hold, biased towards the ones that break code. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  trickyString,
  trickyNumber,
  fc.constantFrom(null, true, false),
  // Fresh each time: mutations write into the values they set, and a shared one would grow cycles across cases.
  fc.constantFrom('[]', '{}').map((text): unknown => JSON.parse(text)),
  fc.jsonValue({ maxDepth: 3 }),
);

function paths(value: unknown, prefix: Path = []): Path[] {
  if (!isObject(value)) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}

type Mutation =
  { kind: 'delete' } | { kind: 'set'; value: unknown } | { kind: 'retype' } | { kind: 'extra'; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.constant<Mutation>({ kind: 'retype' }),
  nastyJson.map((value): Mutation => ({ kind: 'set', value })),
  fc.oneof(fc.string({ maxLength: 12 }), fc.constant('__proto__')).map((key): Mutation => ({ kind: 'extra', key })),
);

// The same data in the wrong JSON type: numbers as strings, strings as numbers, objects as arrays.
function retyped(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return Number(value) || value.length;
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (Array.isArray(value)) return Object.fromEntries(value.entries());
  return value === null ? 'null' : [value];
}

function apply(root: unknown, path: Path, change: Mutation): unknown {
  if (path.length === 0) return change.kind === 'set' ? structuredClone(change.value) : retyped(root);
  const parent = path
    .slice(0, -1)
    .reduce<unknown>(
      (node, key) => (isObject(node) ? (node as Record<string | number, unknown>)[key] : undefined),
      root,
    );
  // An earlier mutation of the same value may have removed or replaced this path's parent.
  if (!isObject(parent)) return root;
  const key = path.at(-1)!;
  const record = parent as Record<string | number, unknown>;
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete record[key];
  } else if (change.kind === 'extra' && isObject(record[key])) {
    // JSON has no extra keys on an array (and an array's `length` cannot be redefined): objects only.
    if (Array.isArray(record[key])) return root;
    // defineProperty: `__proto__` becomes an own key, as JSON.parse makes it.
    Object.defineProperty(record[key], change.key, {
      value: 'extra',
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    record[key] = change.kind === 'set' ? structuredClone(change.value) : retyped(record[key]);
  }
  return root;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const startsWith = (path: Path, prefix: Path) =>
  prefix.length <= path.length && prefix.every((key, i) => path[i] === key);

/**
 * `valid` with one to three mutations at generated paths: a field deleted, set to a nasty value, given the wrong
 * JSON type, or an extra key added. `keep` protects paths (prefixes) a test needs intact, e.g. the order's identity.
 */
export function mutationsOf<T>(valid: T, keep: Path[] = []): fc.Arbitrary<unknown> {
  // A kept path, what is inside it and what contains it (deleting the parent deletes it too) stay as they are.
  const protectedPath = (path: Path) => keep.some((kept) => startsWith(path, kept) || startsWith(kept, path));
  const mutable = paths(valid).filter((path) => !protectedPath(path));
  return fc
    .array(fc.tuple(fc.constantFrom(...mutable), mutation), { minLength: 1, maxLength: 3 })
    .map((changes) =>
      changes.reduce<unknown>((root, [path, change]) => apply(root, path, change), structuredClone(valid)),
    );
}
