// Every kind of fault a chaos run can ask the simulators for: how to switch it on, and how often it fired. Adding a
// kind is one entry in FAULT_KINDS.
import type { FaultKind as BigCommerceFault } from '../src/simulators/bigcommerce/control-schemas';
import type {
  FaultKind as EasyPostFault,
  LISTING_EFFECTS,
  SettingsInput,
} from '../src/simulators/easypost/control-schemas';
import type { FaultKind as ShopifyFault } from '../src/simulators/shopify/control-schemas';
import type { FaultKind as WooCommerceFault } from '../src/simulators/woocommerce/control-schemas';
import type { Simulators } from './stack';

/** How hard a kind is switched on: its side's fault rate (each kind takes its share of it), and a seed for replay. */
export interface FaultKnobs {
  rate: number;
  seed: number;
}

export interface FaultKind {
  /** `<simulator>.<kind>`, as the report and `--faults` name it. */
  name: string;
  /** The rate it takes: `--fault-rate` for EasyPost's kinds, `--cart-fault-rate` for the carts'. */
  side: 'easypost' | 'carts';
  /** Switches it on through the simulator's control API. */
  inject(sims: Simulators, knobs: FaultKnobs): void;
  /** How many times it fired, read from the simulator's control API at the end of the run. */
  fired(sims: Simulators): number;
}

interface SimFaults {
  easypost: EasyPostFault;
  shopify: ShopifyFault;
  woocommerce: WooCommerceFault;
  bigcommerce: BigCommerceFault;
}
type SimName = keyof SimFaults;

/** The rate of each of `kinds` rules drawn one after another, so that together they hit `total` of the calls. */
export function perRuleRate(total: number, kinds: number): number {
  return 1 - (1 - total) ** (1 / kinds);
}

/** What every simulator does to any call: an error answer, a 429 with Retry-After, a dropped connection, a wait. */
export const CALL_FAULTS = ['server_error', 'rate_limit', 'reset', 'latency'] as const;

/** How long a slow commit takes at EasyPost: past the client's 20 s timeout. */
export const SLOW_COMMIT_MS = 25_000;
/** How long a committed order stays out of EasyPost's listings. */
export const VISIBILITY_DELAY_MS = 3_000;

/** Short waits: the run is about surviving faults, not about waiting for them. A slow commit must outlast the client. */
const waitOf = (kind: string) =>
  kind === 'latency' ? { latency_ms: 300 } : kind === 'slow_commit' ? { latency_ms: SLOW_COMMIT_MS } : {};

/** Adds one seeded rule at `knobs.rate`; Shopify names its target `operation`, the others `route`. */
const addRule: { [S in SimName]: (sims: Simulators, kind: SimFaults[S], target: string, knobs: FaultKnobs) => void } = {
  easypost: (sims, kind, route, knobs) =>
    void sims.easypost.control.addFault({ route, kind, ...knobs, ...waitOf(kind) }),
  shopify: (sims, kind, operation, knobs) =>
    void sims.shopify.control.addFault({ operation, kind, ...knobs, ...waitOf(kind) }),
  woocommerce: (sims, kind, route, knobs) =>
    void sims.woocommerce.control.addFault({ route, kind, ...knobs, ...waitOf(kind) }),
  bigcommerce: (sims, kind, route, knobs) =>
    void sims.bigcommerce.control.addFault({ route, kind, ...knobs, ...waitOf(kind) }),
};

/**
 * A kind the simulator draws per API call to `target` (every call by default), counted from its request log. On every
 * call, the side's call faults together fail its rate of the calls; one route (EasyPost's create) sees far fewer
 * calls, so a fault of its own fails half the rate of them, enough to fire in a 60-order run.
 */
export function callFault<S extends SimName>(sim: S, kind: SimFaults[S], target = '*'): FaultKind {
  const share = (rate: number) => (target === '*' ? perRuleRate(rate, CALL_FAULTS.length) : rate / 2);
  return {
    name: `${sim}.${kind}`,
    side: sim === 'easypost' ? 'easypost' : 'carts',
    inject: (sims, { rate, seed }) => addRule[sim](sims, kind, target, { rate: share(rate), seed }),
    fired: (sims) => sims[sim].control.requests().filter((request) => request.fault === kind).length,
  };
}

/** A way EasyPost's listing may behave, switched on for the whole run, counted per listing it changed. */
function listingMode(effect: (typeof LISTING_EFFECTS)[number], settings: SettingsInput): FaultKind {
  return {
    name: `easypost.${effect}`,
    side: 'easypost',
    inject: (sims) => void sims.easypost.control.configure(settings),
    fired: (sims) => sims.easypost.control.faultCounts()[effect] ?? 0,
  };
}

/** Kinds any call to their simulator may fire. */
export const CALL_FAULT_KINDS: readonly FaultKind[] = (
  ['easypost', 'shopify', 'woocommerce', 'bigcommerce'] as const
).flatMap((sim) => CALL_FAULTS.map((kind) => callFault(sim, kind)));

/**
 * Kinds that fire only in an order's own flow: a create that commits, a listing of orders, a new Shopify order. A run
 * that asks for one and sees it fire zero times fails like any other.
 */
export const FLOW_FAULT_KINDS: readonly FaultKind[] = [
  // First, so a create's draw meets them before the call faults: the order is made and its answer never leaves...
  callFault('easypost', 'commit_then_timeout', 'POST /orders'),
  // ...or it commits only after the client gave up: a retry that looked at once would find nothing.
  callFault('easypost', 'slow_commit', 'POST /orders'),
  listingMode('oldest_first', { listing_order: 'oldest_first' }),
  listingMode('delayed_visibility', { visibility_delay_ms: VISIBILITY_DELAY_MS }),
  {
    name: 'shopify.late_request',
    side: 'carts',
    // A share of new orders is requested only after a later pull: a cursor would have lost them.
    inject: (sims, { rate, seed }) =>
      void sims.shopify.control.addFault({ kind: 'late_request', rate: rate / 2, seed }),
    fired: (sims) => sims.shopify.control.faultCounts().late_request ?? 0,
  },
];

/**
 * Kinds a run asks for only when `--faults` names them. A listing that ignores `query` turns each lookup of a lost
 * create into a read of the merchant's recent orders, several pages that each fail at the run's fault rate: with 20%
 * of calls failing, a send can take an hour of retries, far past the run's drain time.
 */
export const OPT_IN_FAULT_KINDS: readonly FaultKind[] = [listingMode('query_ignored', { listing_query: 'ignored' })];

/** Every kind a run may ask for. */
export const FAULT_KINDS: readonly FaultKind[] = [...FLOW_FAULT_KINDS, ...CALL_FAULT_KINDS, ...OPT_IN_FAULT_KINDS];

export const FAULT_KIND_NAMES = FAULT_KINDS.map((kind) => kind.name);

/** The kinds a run asks for unless `--faults` names some: all but the opt-in ones. */
export const DEFAULT_FAULT_KIND_NAMES = FAULT_KIND_NAMES.filter(
  (name) => !OPT_IN_FAULT_KINDS.some((kind) => kind.name === name),
);
