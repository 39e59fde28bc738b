import type { AccountKeys, EasyPostSimControl } from './control';
import type { SeedInput } from './control-schemas';

/** Fixed keys, so merchant config kept in Postgres still matches a freshly started simulator. */
export const DEMO_KEYS = {
  test_key: 'EZTK0000000000000000000000000000de70',
  production_key: 'EZAK0000000000000000000000000000de70',
} as const;

const WAREHOUSES = [
  {
    name: 'El Monte',
    short_name: 'ELM',
    address: { street1: '9800 Flair Dr', city: 'El Monte', state: 'CA', zip: '91731', country: 'US' },
  },
  {
    name: 'Hebron',
    short_name: 'HEB',
    address: { street1: '2250 Global Way', city: 'Hebron', state: 'KY', zip: '41048', country: 'US' },
  },
];

// [UPC-A barcode, title, units at ELM, units at HEB]: some lines are out of stock in one or both warehouses.
const CATALOGUE: [string, string, number, number][] = [
  ['850621000008', 'Merino Crew Sock, Charcoal, M', 120, 80],
  ['850621000374', 'Merino Crew Sock, Charcoal, L', 95, 0],
  ['850621000749', 'Canvas Tote Bag, Natural', 40, 60],
  ['850621001111', 'Insulated Water Bottle 750 ml, Sage', 0, 25],
  ['850621001487', 'Insulated Water Bottle 750 ml, Slate', 18, 12],
  ['850621001852', 'Organic Cotton Tee, White, S', 0, 0],
  ['850621002224', 'Organic Cotton Tee, White, M', 55, 30],
  ['850621002590', 'Organic Cotton Tee, Black, L', 3, 0],
  ['850621002965', 'Wool Beanie, Rust', 0, 44],
  ['850621003337', 'Leather Card Wallet, Tan', 27, 9],
  ['850621003702', 'Ceramic Pour-Over Set', 6, 0],
  ['850621004075', 'Gift Card Sleeve (insert)', 500, 500],
];

function catalogue(apiKey: string): SeedInput {
  return {
    api_key: apiKey,
    warehouses: WAREHOUSES,
    products: CATALOGUE.map(([barcode, title]) => ({ barcode, title })),
    stock: CATALOGUE.flatMap(([barcode, , elm, heb]) => [
      { barcode, warehouse: 'ELM', quantity: elm },
      { barcode, warehouse: 'HEB', quantity: heb },
    ]),
  };
}

/** Creates the demo merchant's account with the same catalogue in test and production mode; returns its keys. */
export function seedEasyPostDemo(control: EasyPostSimControl, keys = DEMO_KEYS): AccountKeys {
  const account = control.createAccount({ name: 'Demo Outfitters', ...keys });
  control.seed(catalogue(account.test_key));
  control.seed(catalogue(account.production_key));
  return account;
}
