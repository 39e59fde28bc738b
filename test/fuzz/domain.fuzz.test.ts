import fc from 'fast-check';
import { parseCartOrder, type FieldProblem } from '../../src/domain/order';
import { filterLines, skuMatches } from '../../src/domain/item-filter';
import { mapShipMethod } from '../../src/domain/ship-method';
import { translateLines } from '../../src/domain/translation';
import { plainErrors, problemsFromIssues } from '../../src/domain/problems';
import { orderFixSchema } from '../../src/orders/order-fix';
import { parseOrderFix } from '../../src/cli/order-fix-input';
import { CliError } from '../../src/cli/errors';
import { cartOrder } from '../unit/domain/fixtures';
import { mutationsOf, nastyJson } from './json-mutations';
import { fuzzParams } from './runs';

// Boundary 5: order data on its way into the order workflow. Every function here is total: it answers, naming
// each bad field, and never throws.

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems of an object input each name a field; only a value that is not an object at all has none to name. */
function expectNamed(problems: FieldProblem[], input: unknown): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const { field, message } of problems) {
    expect(message).toEqual(expect.any(String));
    if (isPlainObject(input)) expect(field).not.toBe('');
  }
}

const orderInput = fc.oneof(mutationsOf(cartOrder()), nastyJson, fc.constant(cartOrder()));

describe('parseCartOrder', () => {
  it('accepts the valid order and answers every other input with named problems, never a throw', () => {
    fc.assert(
      fc.property(orderInput, (input) => {
        const parsed = parseCartOrder(input);
        if (parsed.ok) expect(parseCartOrder(parsed.order)).toEqual(parsed);
        else expectNamed(parsed.problems, input);
      }),
      fuzzParams,
    );
  });
});

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'toString', ' SKU '));
// What PostgreSQL stores for bundle units and carts send as quantities: int4 at most.
const INT4 = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const lines = fc.array(
  fc.record({ lineId: text, sku: text, quantity: INT4, title: fc.option(text, { nil: undefined }) }),
  { minLength: 1, maxLength: 8 },
);
const mapping = fc.record({
  aliases: fc.dictionary(text, text),
  bundles: fc.dictionary(
    text,
    fc.array(fc.record({ barcode: text, units: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), INT4) }), {
      maxLength: 3,
    }),
  ),
  barcodes: fc.option(
    fc.array(text).map((codes) => new Set(codes)),
    { nil: undefined },
  ),
});

describe('translateLines', () => {
  it('maps every line or names it as lines[i].sku, never a throw', () => {
    fc.assert(
      fc.property(lines, mapping, (orderLines, productMapping) => {
        const result = translateLines(orderLines, productMapping);
        if (result.ok) {
          for (const line of result.lines) expect(line.units).toBeGreaterThan(0);
        } else {
          for (const { field } of result.problems) expect(field).toMatch(/^lines\[\d+\]\.sku$/);
        }
      }),
      fuzzParams,
    );
  });
});

describe('mapShipMethod', () => {
  it('finds a service or names shipMethod, never a throw', () => {
    fc.assert(
      fc.property(text, fc.dictionary(text, text), fc.option(text, { nil: undefined }), (method, rules, fallback) => {
        const result = mapShipMethod(method, { rules, defaultService: fallback });
        if (result.ok) expect(result.service.trim()).not.toBe('');
        else expect(result.problem.field).toBe('shipMethod');
      }),
      fuzzParams,
    );
  });
});

const validFix = {
  shipTo: { zip: '97201', country: 'us' },
  skus: { '1': 'TEE-RED-L' },
  shipMethod: 'Express',
  note: 'x',
};

describe('order fix input', () => {
  it('parses or names the bad fields; the CLI throws only CliError', () => {
    fc.assert(
      fc.property(fc.oneof(mutationsOf(validFix), nastyJson, fc.constant(validFix)), (input) => {
        const result = orderFixSchema.safeParse(input, { error: plainErrors });
        if (!result.success) {
          // "the fix changes nothing" is about the whole fix; an unknown key is named in the message, in its object.
          const problems = problemsFromIssues(result.error.issues).filter(
            ({ message }) => message !== 'the fix changes nothing' && !message.startsWith('Unrecognized key'),
          );
          expect(result.error.issues.length).toBeGreaterThan(0);
          if (problems.length > 0) expectNamed(problems, input);
          expect(() => parseOrderFix(input)).toThrow(CliError);
        } else {
          expect(parseOrderFix(input)).toEqual(result.data);
        }
      }),
      fuzzParams,
    );
  });
});

describe('item filters', () => {
  // Globs over a small alphabet, so matches are common; the oracle is the same glob as an anchored regular expression.
  const glob = fc.stringMatching(/^[ab*?]{0,8}$/);
  const sku = fc.stringMatching(/^[ab]{0,10}$/);
  const asRegExp = (pattern: string) => new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');

  it('matches a SKU exactly when the glob as a regular expression does', () => {
    fc.assert(
      fc.property(sku, glob, (value, pattern) => {
        expect(skuMatches(value, pattern)).toBe(asRegExp(pattern).test(value));
      }),
      fuzzParams,
    );
  });

  it('splits the lines without losing or inventing one, whatever the filter', () => {
    fc.assert(
      fc.property(
        lines,
        fc.constantFrom('allow' as const, 'deny' as const),
        fc.array(text, { maxLength: 4 }),
        (orderLines, mode, patterns) => {
          const { kept, filtered } = filterLines(orderLines, { mode, patterns });
          expect(kept.length + filtered.length).toBe(orderLines.length);
          expect([...kept, ...filtered.map(({ reason: _reason, ...line }) => line)]).toEqual(
            expect.arrayContaining(orderLines),
          );
        },
      ),
      fuzzParams,
    );
  });
});
