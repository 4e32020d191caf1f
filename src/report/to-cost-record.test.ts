import { describe, expect, it } from 'vitest';
import { sampleEntry } from '../ledger/ledger-store.contract.js';
import { CONTRACT_COST_FIELDS } from '../../test/helpers/cost-record-fields.js';
import { toCostRecord } from './to-cost-record.js';

const CONTRACT_FIELDS: readonly string[] = CONTRACT_COST_FIELDS;
const EXTRAS = [
  'riskScore',
  'cacheWrite5mTokens',
  'cacheWrite1hTokens',
  'inferenceGeo',
  'priceVersion',
  'serviceTier',
  'batch',
  'discount',
  'error',
  'installationId',
  'cacheSavedUsd',
];

describe('toCostRecord', () => {
  const row = { ...sampleEntry({ error: 'timeout' }), id: 7 };

  it('lists the documented fields in order, then the extras, and never the store id', () => {
    expect(Object.keys(toCostRecord(row))).toEqual([...CONTRACT_FIELDS, ...EXTRAS]);
  });

  it.each([...CONTRACT_FIELDS, ...EXTRAS])('copies %s from the ledger row unchanged', (field) => {
    expect(toCostRecord(row)[field as keyof ReturnType<typeof toCostRecord>]).toBe(
      row[field as keyof typeof row],
    );
  });

  it('keeps nulls as nulls for a skipped review', () => {
    const skipped = {
      ...sampleEntry({ tier: 'skip', provider: null, model: null, outcome: 'skipped' }),
      id: 1,
    };
    expect(toCostRecord(skipped)).toMatchObject({
      tier: 'skip',
      provider: null,
      model: null,
      outcome: 'skipped',
    });
  });
});
