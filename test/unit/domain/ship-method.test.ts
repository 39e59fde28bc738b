import { mapShipMethod, type ShipMethodMap } from '../../../src/domain/ship-method';

describe('mapShipMethod', () => {
  const map: ShipMethodMap = { rules: { 'Standard Shipping': 'ground', ' EXPRESS ': 'priority_overnight' } };

  it.each([
    ['Standard Shipping', 'ground'],
    ['  standard shipping ', 'ground'],
    ['express', 'priority_overnight'],
  ])('maps %j to %s, ignoring case and padding on both sides', (method, service) => {
    expect(mapShipMethod(method, map)).toEqual({ ok: true, service });
  });

  it('falls back to the default service', () => {
    expect(mapShipMethod('Pickup', { ...map, defaultService: 'ground' })).toEqual({ ok: true, service: 'ground' });
  });

  it('names the unmatched method when there is no default', () => {
    expect(mapShipMethod(' Pickup ', map)).toEqual({
      ok: false,
      problem: {
        field: 'shipMethod',
        message: 'no EasyPost service for ship method "Pickup": add a ship-method rule or a default service',
      },
    });
  });

  it('treats a blank default or a blank rule as missing', () => {
    expect(mapShipMethod('Pickup', { rules: { Pickup: ' ' }, defaultService: '' }).ok).toBe(false);
  });
});
