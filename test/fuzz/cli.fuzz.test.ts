import { type Command, CommanderError, InvalidArgumentError, type Option } from 'commander';
import fc from 'fast-check';
import { CliError } from '../../src/cli/errors';
import type { CliContext } from '../../src/cli/context';
import { integerIn, parseComponent, parseOrderDelivery, parseSince, parseSlug } from '../../src/cli/parsers';
import { buildProgram } from '../../src/cli/program';
import { orderDeliverySchema } from '../../src/domain/merchant-settings';
import { fuzzParams, fuzzTimeout } from './runs';
import { collectUnhandledRejections } from './unhandled-rejections';

// Boundary 3: the operator's command line. Whatever the arguments, `epf` ends with a usage error (CommanderError,
// exit 2), an operator error (CliError, exit 1), or reaches for PostgreSQL, Temporal or the secret key (here a
// sentinel, thrown instead of connecting): never a TypeError or a RangeError from a parser or an action.

collectUnhandledRejections();

class Sentinel extends Error {}

const ctx: CliContext = {
  pool: () => Promise.reject(new Sentinel('pool')),
  temporal: () => Promise.reject(new Sentinel('temporal')),
  secretBox: () => {
    throw new Sentinel('secretBox');
  },
  close: async () => undefined,
};

function commandsOf(command: Command, path: string[] = []): { path: string[]; options: readonly Option[] }[] {
  return [
    { path, options: command.options },
    ...command.commands.flatMap((sub) => commandsOf(sub, [...path, sub.name()])),
  ];
}

/** The program with its output swallowed: help and usage errors would flood the test log. */
function quietProgram(): Command {
  const program = buildProgram(ctx);
  const silence = (command: Command): void => {
    command.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    command.commands.forEach(silence);
  };
  silence(program);
  return program;
}

// Reading the terminal would hang the run: stdin (`-` as a file) and the key prompts are left out.
const READS_TERMINAL = /-prompt$/;
const COMMANDS = commandsOf(buildProgram(ctx));
const FLAGS = COMMANDS.flatMap(({ options }) => options.map((option) => option.long!)).filter(
  (flag) => !READS_TERMINAL.test(flag),
);

const value = fc
  .oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom('0', '-1', '1e3', '99999999999999999999', '9007199254740993', '30m', '99999999999999d', 'yes'),
    fc.constantFrom('grace:', 'grace:99999999', 'slots:25:00', 'slots:09:00@Mars/Base', 'slots:,', 'immediately:x'),
    fc.constantFrom('wh_', 'wh_1', 'a:0', ':1', 'x:99999999999', '2027-02-30', '--', '-x', '--help', 'acme'),
    fc.constantFrom('2027-03-14T09:00Z', 'Infinity', 'NaN', '0x10', ' 1', 'test', 'production', 'on_hold'),
  )
  // The OS allows no NUL in an argument; `-` alone means stdin to the --file options.
  .map((text) => text.replaceAll('\u0000', ''))
  .filter((text) => text !== '-' && !READS_TERMINAL.test(text));

const argv = fc.constantFrom(...COMMANDS).chain(({ path, options }) => {
  const own = options.map((option) => option.long!).filter((flag) => !READS_TERMINAL.test(flag));
  const token = fc.oneof(
    { weight: 3, arbitrary: own.length > 0 ? fc.constantFrom(...own) : value },
    { weight: 1, arbitrary: fc.constantFrom(...FLAGS) },
    { weight: 4, arbitrary: value },
  );
  return fc.array(token, { maxLength: 7 }).map((tokens) => [...path, ...tokens]);
});

const documented = (err: unknown) =>
  err instanceof CommanderError || err instanceof CliError || err instanceof Sentinel;

describe('epf command line', () => {
  beforeAll(() => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  it(
    'ends every generated command line with a usage error, a CliError or a call for a connection',
    async () => {
      await fc.assert(
        fc.asyncProperty(argv, async (args) => {
          try {
            await quietProgram().parseAsync(['node', 'epf', ...args]);
          } catch (err) {
            if (!documented(err)) throw err;
          }
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(3),
  );
});

describe('option parsers', () => {
  // Each returns a value the command can use as it is, or refuses with commander's usage error.
  const refusesOrReturns = <T>(parse: (text: string) => T, valid: (result: T) => boolean) =>
    fc.assert(
      fc.property(value, (text) => {
        let result: T;
        try {
          result = parse(text);
        } catch (err) {
          expect(err).toBeInstanceOf(InvalidArgumentError);
          return;
        }
        expect(valid(result)).toBe(true);
      }),
      fuzzParams,
    );

  it('parseSince gives a real date', () => refusesOrReturns(parseSince, (date) => !Number.isNaN(date.getTime())));
  it('integerIn gives a whole number in range', () =>
    refusesOrReturns(integerIn(1, 10_000), (n) => Number.isInteger(n) && n >= 1 && n <= 10_000));
  it('parseOrderDelivery gives a valid delivery', () =>
    refusesOrReturns(parseOrderDelivery, (delivery) => orderDeliverySchema.safeParse(delivery).success));
  it('parseComponent gives a barcode and whole units', () =>
    refusesOrReturns(
      parseComponent,
      ({ barcode, units }) => barcode.length > 0 && Number.isSafeInteger(units) && units > 0,
    ));
  it('parseSlug refuses with a usage error', () => refusesOrReturns(parseSlug, (slug) => /^[a-z0-9-]+$/.test(slug)));
});
