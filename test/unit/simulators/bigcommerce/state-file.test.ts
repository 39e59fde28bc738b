import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigCommerceStateSchemas } from '../../../../src/simulators/bigcommerce/saved-state';
import { createOrder } from '../../../../src/simulators/bigcommerce/orders';
import { StoreRegistry } from '../../../../src/simulators/bigcommerce/state';
import { keepState } from '../../../../src/simulators/shared/state-file';

/** The file's JSON as far as the tests edit it (Maps are written as `{"$map": [[key, value], ...]}`). */
type MapJson<V> = { $map: [unknown, V][] };
interface KeptJson {
  demo: Record<string, unknown>;
  state: { stores: MapJson<Record<string, unknown> & { orders: MapJson<Record<string, unknown>> }> };
}
const demoStore = (kept: KeptJson) => kept.state.stores.$map[0]![1];

// A BigCommerce state file is checked field by field before the simulator serves it: a corrupt or older file is
// refused with its path and the first bad field, never served half-read.
describe('BigCommerce simulator state file', () => {
  let dir: string;
  let file: string;

  const keys = { store: 'demo', api_url: 'http://127.0.0.1:4013', access_token: 'token' };
  const keepIn = (registry: StoreRegistry) =>
    keepState({
      simulator: 'bigcommerce',
      file,
      snapshot: () => registry.snapshot(),
      restore: (saved) => registry.restore(saved),
      seed: () => keys,
      schemas: bigCommerceStateSchemas,
    });

  /** The file one run wrote, changed by `edit` as corruption or an older simulator would leave it. */
  function writeEdited(edit: (kept: KeptJson) => void): void {
    rmSync(file, { force: true });
    const registry = new StoreRegistry();
    const store = registry.createStore({
      hash: 'demo',
      name: 'Demo',
      quota: { requests: 150, windowMs: 30_000 },
      locations: [1],
    });
    createOrder(registry, store, 'http://127.0.0.1:4013/stores/demo');
    keepIn(registry).close();
    const kept = JSON.parse(readFileSync(file, 'utf8')) as KeptJson;
    edit(kept);
    writeFileSync(file, JSON.stringify(kept));
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'epf-bc-state-'));
    file = join(dir, 'bigcommerce.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restores what it wrote: stores, orders and the ID counters', () => {
    writeEdited(() => undefined);
    const registry = new StoreRegistry();
    expect(keepIn(registry).demo).toEqual(keys);
    expect([...registry.stores.get('demo')!.orders.keys()]).toEqual([100]);
    expect(registry.orderId()).toBe(101);
  });

  it('names the file and the field of a corrupt order', () => {
    writeEdited((kept) => {
      demoStore(kept).orders.$map[0]![1].status_id = 'eleven';
    });
    expect(() => keepIn(new StoreRegistry())).toThrow(
      `${file}: not a state this bigcommerce simulator can read (state.stores.demo.orders[100].status_id: `,
    );
  });

  it('names what an older file lacks, in the state or the demo keys', () => {
    writeEdited((kept) => delete demoStore(kept).quota);
    expect(() => keepIn(new StoreRegistry())).toThrow(/bigcommerce\.json: .*\(state\.stores\.demo\.quota: /);
    writeEdited((kept) => delete kept.demo.access_token);
    expect(() => keepIn(new StoreRegistry())).toThrow(/bigcommerce\.json: .*\(demo\.access_token: /);
  });
});
