import { z } from 'zod';
import { ConfigError } from '../../../src/config/config-error';
import { parseFlags } from '../../../src/config/flags';

const schema = z.object({
  orders: z.coerce.number().int().min(1).default(1000),
  rate: z.coerce.number().min(1).default(20),
  json: z.boolean().default(false),
});

describe('parseFlags', () => {
  it('parses values and bare boolean flags, with defaults', () => {
    expect(parseFlags(schema, ['json'], ['--orders', '50', '--json'])).toEqual({ orders: 50, rate: 20, json: true });
    expect(parseFlags(schema, ['json'], [])).toEqual({ orders: 1000, rate: 20, json: false });
  });

  it('names every bad flag, and lists the known ones for an unknown flag', () => {
    expect(() => parseFlags(schema, ['json'], ['--orders', '0', '--rate', 'fast'])).toThrow(
      /Invalid flags: --orders .*; --rate /,
    );
    expect(() => parseFlags(schema, ['json'], ['--oders', '5'])).toThrow(ConfigError);
    expect(() => parseFlags(schema, ['json'], ['--oders', '5'])).toThrow(/flags: --orders --rate --json/);
  });
});
