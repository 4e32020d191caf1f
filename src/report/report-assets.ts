/**
 * The files the report page loads from the app itself (no CDN): uPlot's script and stylesheet,
 * read once from node_modules, and the page's own script and stylesheet.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { REPORT_PAGE_SCRIPT } from './report-page-script.js';
import { REPORT_PAGE_STYLE } from './report-page-style.js';

export const REPORT_ASSET_NAMES = [
  'uplot.min.js',
  'uplot.min.css',
  'report-page.js',
  'report-page.css',
] as const;
export type ReportAssetName = (typeof REPORT_ASSET_NAMES)[number];

export interface ReportAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

const readPackageFile = (specifier: string): Buffer => {
  try {
    return readFileSync(createRequire(import.meta.url).resolve(specifier));
  } catch (error) {
    throw new Error(
      `cannot read ${specifier} for the report page: ${error instanceof Error ? error.message : String(error)}. To resolve, install the app's dependencies (npm ci).`,
      { cause: error },
    );
  }
};

export const loadReportAssets = (): ReadonlyMap<ReportAssetName, ReportAsset> =>
  new Map<ReportAssetName, ReportAsset>([
    ['uplot.min.js', { contentType: JS, body: readPackageFile('uplot/dist/uPlot.iife.min.js') }],
    ['uplot.min.css', { contentType: CSS, body: readPackageFile('uplot/dist/uPlot.min.css') }],
    ['report-page.js', { contentType: JS, body: Buffer.from(REPORT_PAGE_SCRIPT) }],
    ['report-page.css', { contentType: CSS, body: Buffer.from(REPORT_PAGE_STYLE) }],
  ]);

export const isReportAssetName = (name: string): name is ReportAssetName =>
  (REPORT_ASSET_NAMES as readonly string[]).includes(name);
