/**
 * The files the report page loads from the app itself (no CDN): uPlot's script and stylesheet,
 * read once from node_modules, and the page's own script (a module) and stylesheet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';
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

/**
 * The page's script: `browser/report-page.js` as the build compiled it, or, in a checkout run
 * from its TypeScript sources (the tests), `browser/report-page.ts` compiled here by the
 * `typescript` dev dependency the same way.
 */
const readPageScript = (): Buffer => {
  const compiled = new URL('./browser/report-page.js', import.meta.url);
  if (existsSync(compiled)) return readFileSync(compiled);
  const source = readFileSync(new URL('./browser/report-page.ts', import.meta.url), 'utf8');
  const typescript = createRequire(import.meta.url)('typescript') as typeof TypeScript;
  const { outputText } = typescript.transpileModule(source, {
    compilerOptions: {
      target: typescript.ScriptTarget.ES2022,
      module: typescript.ModuleKind.ESNext,
      verbatimModuleSyntax: true,
    },
  });
  return Buffer.from(outputText);
};

export const loadReportAssets = (): ReadonlyMap<ReportAssetName, ReportAsset> =>
  new Map<ReportAssetName, ReportAsset>([
    ['uplot.min.js', { contentType: JS, body: readPackageFile('uplot/dist/uPlot.iife.min.js') }],
    ['uplot.min.css', { contentType: CSS, body: readPackageFile('uplot/dist/uPlot.min.css') }],
    ['report-page.js', { contentType: JS, body: readPageScript() }],
    ['report-page.css', { contentType: CSS, body: Buffer.from(REPORT_PAGE_STYLE) }],
  ]);

export const isReportAssetName = (name: string): name is ReportAssetName =>
  (REPORT_ASSET_NAMES as readonly string[]).includes(name);
