import { describe, expect, it } from 'vitest';
import { readDefaultPriceTable } from './default-prices.js';
import { loadPriceTable, PriceTable } from './price-table.js';

describe('readDefaultPriceTable', () => {
  it('reads the shipped table as the schema accepts it, unchanged', () => {
    const shipped = readDefaultPriceTable();
    expect(PriceTable.parse(shipped)).toEqual(shipped);
    expect(loadPriceTable()).toEqual(shipped);
  });
});
