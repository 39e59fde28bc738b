import type { FieldProblem } from './order';

/** The merchant's ship-method map: cart method → EasyPost service. */
export interface ShipMethodMap {
  /** Cart ship method (matched trimmed and case-insensitively) → EasyPost service. */
  rules: Record<string, string>;
  /** Used when no rule matches; undefined makes an unmatched method a problem. */
  defaultService?: string;
}

// Carts show titles ("Standard Shipping") that merchants retype in config; case and padding are not meaningful.
const normalise = (method: string) => method.trim().toLowerCase();

/** The EasyPost service for a cart's ship method, or a problem on `shipMethod` naming the unmatched method. */
export function mapShipMethod(
  cartShipMethod: string,
  map: ShipMethodMap,
): { ok: true; service: string } | { ok: false; problem: FieldProblem } {
  const wanted = normalise(cartShipMethod);
  const rule = Object.entries(map.rules).find(([method]) => normalise(method) === wanted);
  const service = rule?.[1].trim() || map.defaultService?.trim();
  if (service) return { ok: true, service };
  return {
    ok: false,
    problem: {
      field: 'shipMethod',
      message: `no EasyPost service for ship method "${cartShipMethod.trim()}": add a ship-method rule or a default service`,
    },
  };
}
