import { merchantSettingsSchema } from '../../../src/domain/merchant-settings';

describe('merchant settings', () => {
  it('routes by the rules unless told otherwise', () => {
    expect(merchantSettingsSchema.parse({}).warehouseRouting).toBe('rules');
    expect(merchantSettingsSchema.parse({ warehouseRouting: 'easypost' }).warehouseRouting).toBe('easypost');
    expect(merchantSettingsSchema.safeParse({ warehouseRouting: 'nearest' }).success).toBe(false);
  });

  it('still reads settings stored with the retired sendWarehouseId, and drops it', () => {
    for (const sendWarehouseId of [true, false]) {
      const parsed = merchantSettingsSchema.parse({ sendWarehouseId, resendHour: 2 });
      expect(parsed).toMatchObject({ warehouseRouting: 'rules', resendHour: 2 });
      expect(parsed).not.toHaveProperty('sendWarehouseId');
    }
  });
});
