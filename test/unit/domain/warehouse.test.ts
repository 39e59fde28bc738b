import { chooseWarehouse, warehouseStock, type WarehouseStock } from '../../../src/domain/warehouse';

describe('chooseWarehouse', () => {
  const lines = [
    { barcode: 'A', units: 2 },
    { barcode: 'B', units: 1 },
  ];
  const warehouseIds = ['wh_east', 'wh_west', 'wh_south'];
  const stock: WarehouseStock = {
    wh_east: { A: 5, B: 0 },
    wh_west: { A: 2, B: 1 },
    wh_south: { A: 9, B: 9 },
  };

  it('keeps the default when it can fill every line', () => {
    const choice = chooseWarehouse(lines, { defaultWarehouseId: 'wh_south', warehouseIds, stock });
    expect(choice).toEqual({ warehouseId: 'wh_south', reason: 'default warehouse wh_south can fill every line' });
  });

  it('moves to the first other warehouse that can fill every line when the default cannot', () => {
    const choice = chooseWarehouse(lines, { defaultWarehouseId: 'wh_east', warehouseIds, stock });
    expect(choice).toEqual({
      warehouseId: 'wh_west',
      reason: 'default warehouse wh_east cannot fill every line; wh_west can',
    });
  });

  it('checks a barcode on two lines against its total', () => {
    const twice = [...lines, { barcode: 'A', units: 1 }];
    expect(chooseWarehouse(twice, { defaultWarehouseId: 'wh_east', warehouseIds, stock }).warehouseId).toBe('wh_south');
  });

  it('treats a barcode or warehouse missing from the snapshot as out of stock', () => {
    const sparse: WarehouseStock = { wh_west: { A: 2 }, wh_south: { A: 2, B: 1 } };
    expect(chooseWarehouse(lines, { defaultWarehouseId: 'wh_east', warehouseIds, stock: sparse }).warehouseId).toBe(
      'wh_south',
    );
  });

  it('keeps the default without a stock snapshot', () => {
    expect(chooseWarehouse(lines, { defaultWarehouseId: 'wh_east', warehouseIds })).toEqual({
      warehouseId: 'wh_east',
      reason: 'no stock snapshot',
    });
  });

  it('keeps the default, and says so, when no single warehouse can fill the order', () => {
    const big = [{ barcode: 'A', units: 100 }];
    const choice = chooseWarehouse(big, { defaultWarehouseId: 'wh_east', warehouseIds, stock });
    expect(choice.warehouseId).toBe('wh_east');
    expect(choice.reason).toMatch(/no single warehouse can fill every line/);
  });

  it('lets EasyPost choose when there is neither a default nor a warehouse', () => {
    expect(chooseWarehouse(lines, { warehouseIds: [], stock })).toEqual({
      warehouseId: undefined,
      reason: 'no warehouses configured; EasyPost chooses',
    });
  });

  it('without a default, names a warehouse only when stock shows it can fill the order', () => {
    expect(chooseWarehouse(lines, { warehouseIds, stock })).toEqual({
      warehouseId: 'wh_west',
      reason: 'no default warehouse; wh_west can',
    });
    expect(chooseWarehouse(lines, { warehouseIds }).warehouseId).toBeUndefined();
    expect(chooseWarehouse([{ barcode: 'Z', units: 1 }], { warehouseIds, stock }).warehouseId).toBeUndefined();
  });

  it('ignores warehouses the cart does not draw from', () => {
    const choice = chooseWarehouse(lines, {
      defaultWarehouseId: 'wh_east',
      warehouseIds: ['wh_east'],
      stock: { ...stock, wh_other: { A: 9, B: 9 } },
    });
    expect(choice.warehouseId).toBe('wh_east');
  });
});

describe('warehouseStock', () => {
  it('groups snapshot levels by warehouse, summing a barcode listed twice', () => {
    const levels = [
      { barcode: 'A', warehouseId: 'wh_east', quantity: 0 },
      { barcode: 'A', warehouseId: 'wh_west', quantity: 2 },
      { barcode: 'B', warehouseId: 'wh_west', quantity: 1 },
      { barcode: 'B', warehouseId: 'wh_west', quantity: 3 },
    ];
    expect(warehouseStock(levels)).toEqual({ wh_east: { A: 0 }, wh_west: { A: 2, B: 4 } });
    expect(warehouseStock([])).toEqual({});
  });
});
