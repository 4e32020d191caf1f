import type { CalibrationResult } from './calibration.js';
import { SCORER_LABELS } from './describe-calibration.js';
import { escapeHtml } from '../domain/html.js';
import type { ScorerId } from './types.js';

export const WIDTH = 640;
export const HEIGHT = 420;
export const MARGIN = { top: 16, right: 150, bottom: 48, left: 56 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

export const CURVE_STYLES: Readonly<Record<ScorerId, { color: string; dash: string }>> = {
  classifier: { color: '#1d4ed8', dash: '' },
  'lines-added': { color: '#c2410c', dash: '' },
  'size-class': { color: '#047857', dash: '6 3' },
  random: { color: '#6b7280', dash: '2 4' },
};

export const x = (share: number): number => MARGIN.left + share * PLOT_WIDTH;
export const y = (caught: number): number => MARGIN.top + (1 - caught) * PLOT_HEIGHT;
export const num = (value: number): string => value.toFixed(1);

/** The 10% grid of both axes, with their labels. */
export const grid = (): string[] =>
  Array.from({ length: 11 }, (_, step) => step / 10).flatMap((value) => [
    `<line x1="${num(x(value))}" y1="${num(y(0))}" x2="${num(x(value))}" y2="${num(y(1))}" class="grid"/>`,
    `<line x1="${num(x(0))}" y1="${num(y(value))}" x2="${num(x(1))}" y2="${num(y(value))}" class="grid"/>`,
    `<text x="${num(x(value))}" y="${num(y(0) + 18)}" text-anchor="middle">${value * 100}%</text>`,
    `<text x="${num(x(0) - 8)}" y="${num(y(value) + 4)}" text-anchor="end">${value * 100}%</text>`,
  ]);

/**
 * The catch curves as an inline SVG: share of commits routed deep (x) against share of
 * bug-inducing commits caught (y), one line per scorer, the 10/20/30% marks and the share the
 * suggested levels route deep under the policy's rules.
 */
export const renderCatchCurveSvg = (result: CalibrationResult): string => {
  const curves = result.curves.map(({ scorer, points }) => {
    const style = CURVE_STYLES[scorer];
    const path = points
      .filter((point) => !Number.isNaN(point.caught))
      .map((point) => `${num(x(point.share))},${num(y(point.caught))}`)
      .join(' ');
    return `<polyline data-scorer="${scorer}" points="${path}" fill="none" stroke="${style.color}" stroke-width="${scorer === 'classifier' ? 3 : 2}"${style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`}><title>${escapeHtml(SCORER_LABELS[scorer])}</title></polyline>`;
  });
  const marks = [0.1, 0.2, 0.3].map(
    (share) =>
      `<line x1="${num(x(share))}" y1="${num(y(0))}" x2="${num(x(share))}" y2="${num(y(1))}" class="mark"/>`,
  );
  // What the suggestion routes deep, whichever level its rules send deep (medium, by default).
  const suggested = result.suggestion.routing.deepShare;
  const legend = result.curves.map(({ scorer }, index) => {
    const style = CURVE_STYLES[scorer];
    const top = MARGIN.top + 12 + index * 22;
    const left = WIDTH - MARGIN.right + 16;
    return `<line x1="${left}" y1="${top}" x2="${left + 28}" y2="${top}" stroke="${style.color}" stroke-width="3"${style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`}/><text x="${left + 36}" y="${top + 4}">${escapeHtml(SCORER_LABELS[scorer])}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Bug-inducing changes caught against share routed deep">`,
    ...grid(),
    ...marks,
    `<line x1="${num(x(suggested))}" y1="${num(y(0))}" x2="${num(x(suggested))}" y2="${num(y(1))}" class="suggested"><title>suggested levels: ${(suggested * 100).toFixed(1)}% deep</title></line>`,
    `<line x1="${num(x(0))}" y1="${num(y(0))}" x2="${num(x(1))}" y2="${num(y(0))}" class="axis"/>`,
    `<line x1="${num(x(0))}" y1="${num(y(0))}" x2="${num(x(0))}" y2="${num(y(1))}" class="axis"/>`,
    ...curves,
    ...legend,
    `<text x="${num(x(0.5))}" y="${HEIGHT - 8}" text-anchor="middle" class="label">share of commits routed deep</text>`,
    `<text transform="translate(14 ${num(y(0.5))}) rotate(-90)" text-anchor="middle" class="label">bug-inducing commits caught</text>`,
    '</svg>',
  ].join('\n');
};
