import type { CalibrationResult } from './calibration.js';
import { SCORER_LABELS } from './describe-calibration.js';
import { escapeHtml } from '../domain/html.js';
import type { RoutingFigures } from './measure-routing.js';
import { CURVE_STYLES, grid, HEIGHT, MARGIN, num, WIDTH, x, y } from './render-catch-curve-svg.js';

/** Points closer than this on the cost axis are drawn as one: a long history has thousands. */
const STEP = 0.002;

const pathOf = (points: readonly { cost: number; caught: number }[]): string => {
  const kept = points.filter(
    (point, index) =>
      index === 0 ||
      index === points.length - 1 ||
      point.cost - (points[index - 1]?.cost ?? 0) >= STEP ||
      point.caught - (points[index - 1]?.caught ?? 0) >= STEP,
  );
  return kept
    .map(
      (point, index) => `${index === 0 ? 'M' : 'L'}${num(x(point.cost))},${num(y(point.caught))}`,
    )
    .join(' ');
};

const marker = (figures: RoutingFigures, name: string, shape: 'circle' | 'square'): string => {
  if (!Number.isFinite(figures.caught) || !Number.isFinite(figures.costVsAllDeep)) return '';
  const title = `${name}: ${(figures.deepShare * 100).toFixed(1)}% deep, ${(figures.caught * 100).toFixed(1)}% caught, ${(figures.costVsAllDeep * 100).toFixed(1)}% of all-deep cost`;
  const cx = num(x(figures.costVsAllDeep));
  const cy = num(y(figures.caught));
  const body =
    shape === 'circle'
      ? `<circle cx="${cx}" cy="${cy}" r="6" fill="#111827"`
      : `<rect x="${num(x(figures.costVsAllDeep) - 6)}" y="${num(y(figures.caught) - 6)}" width="12" height="12" fill="#1d4ed8"`;
  return `${body} data-routing="${name}"><title>${escapeHtml(title)}</title>${shape === 'circle' ? '</circle>' : '</rect>'}`;
};

/**
 * Catch against cost as an inline SVG: the estimated cost of the routed reviews as a share of
 * reviewing every change deep (x) against the share of bug-inducing commits on the deep tier (y),
 * one line per scorer, a dot for the policy in force and a square for the suggested levels.
 */
export const renderCostCurveSvg = (result: CalibrationResult): string => {
  const curves = result.costCurves
    .filter(({ points }) => points.length > 0)
    .map(({ scorer, points }) => {
      const style = CURVE_STYLES[scorer];
      return `<path data-cost-scorer="${scorer}" d="${pathOf(points)}" fill="none" stroke="${style.color}" stroke-width="${scorer === 'classifier' ? 3 : 2}"${style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`}><title>${escapeHtml(SCORER_LABELS[scorer])}</title></path>`;
    });
  const legend = result.costCurves.map(({ scorer }, index) => {
    const style = CURVE_STYLES[scorer];
    const top = MARGIN.top + 12 + index * 22;
    const left = WIDTH - MARGIN.right + 16;
    return `<line x1="${left}" y1="${top}" x2="${left + 28}" y2="${top}" stroke="${style.color}" stroke-width="3"${style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`}/><text x="${left + 36}" y="${top + 4}">${escapeHtml(SCORER_LABELS[scorer])}</text>`;
  });
  const keyTop = MARGIN.top + 12 + result.costCurves.length * 22;
  const keyLeft = WIDTH - MARGIN.right + 30;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Bug-inducing changes caught against estimated cost">`,
    ...grid(),
    `<line x1="${num(x(0))}" y1="${num(y(0))}" x2="${num(x(1))}" y2="${num(y(0))}" class="axis"/>`,
    `<line x1="${num(x(0))}" y1="${num(y(0))}" x2="${num(x(0))}" y2="${num(y(1))}" class="axis"/>`,
    ...curves,
    marker(result.inForce, 'policy in force', 'circle'),
    marker(result.suggestion.routing, 'suggested levels', 'square'),
    ...legend,
    `<circle cx="${keyLeft}" cy="${keyTop}" r="6" fill="#111827"/><text x="${keyLeft + 22}" y="${keyTop + 4}">policy in force</text>`,
    `<rect x="${keyLeft - 6}" y="${keyTop + 16}" width="12" height="12" fill="#1d4ed8"/><text x="${keyLeft + 22}" y="${keyTop + 26}">suggested</text>`,
    `<text x="${num(x(0.5))}" y="${HEIGHT - 8}" text-anchor="middle" class="label">estimated cost, share of reviewing everything deep</text>`,
    `<text transform="translate(14 ${num(y(0.5))}) rotate(-90)" text-anchor="middle" class="label">bug-inducing commits caught</text>`,
    '</svg>',
  ].join('\n');
};
