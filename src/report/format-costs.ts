/** Renders report objects for the `costs` CLI: a table for people, JSON or CSV for tools. */
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { CostFormat } from './types.js';

/** Every key that appears, in order of first appearance. */
const columnsOf = (data: readonly object[]): string[] => [
  ...new Set(data.flatMap((item) => Object.keys(item))),
];

const isDollars = (column: string): boolean => column.endsWith('Usd');

/** `$0.0123`: at least 4 decimals, more for amounts that would otherwise show as $0.0000. */
export const formatDollars = (usd: number): string => {
  const magnitude = Math.abs(usd);
  const decimals =
    magnitude === 0 || magnitude >= 0.001
      ? 4
      : Math.min(9, Math.max(4, 1 - Math.floor(Math.log10(magnitude))));
  return `${usd < 0 ? '-' : ''}$${magnitude.toFixed(decimals)}`;
};

const formatCell = (column: string, value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return isDollars(column) ? formatDollars(value) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
};

const formatTable = (data: readonly object[]): string => {
  if (data.length === 0) return '(no rows)';
  const columns = columnsOf(data);
  const numeric = columns.map((column) =>
    data.some((item) => typeof (item as Record<string, unknown>)[column] === 'number'),
  );
  const table = new Table({
    head: columns,
    colAligns: numeric.map((isNumber) => (isNumber ? 'right' : 'left')),
    // compact: a rule under the header only, so a month of reviews stays readable; no colours.
    style: { head: [], border: [], compact: true },
  });
  for (const item of data) {
    const record = item as Record<string, unknown>;
    table.push(columns.map((column) => formatCell(column, record[column])));
  }
  return table.toString();
};

const formatCsv = (data: readonly object[], columns: readonly string[]): string => {
  if (columns.length === 0) return '';
  // csv-stringify prints no header without records: write it on its own.
  if (data.length === 0) return stringify([[...columns]]).replace(/\n$/, '');
  return stringify(data as Record<string, unknown>[], {
    header: true,
    columns: [...columns],
    cast: { boolean: (value) => String(value) },
  }).replace(/\n$/, '');
};

/**
 * The text to print, without a trailing newline. `columns` are the CSV columns, in order, so
 * that a report with no rows still prints its header; by default every key that appears.
 */
export const formatCosts = (
  data: readonly object[],
  format: CostFormat,
  columns: readonly string[] = columnsOf(data),
): string => {
  switch (format) {
    case 'json':
      return JSON.stringify(data, null, 2);
    case 'csv':
      return formatCsv(data, columns);
    case 'table':
      return formatTable(data);
  }
};
