/**
 * Checks that only show once files are layered: each file may be valid on its own while the
 * merge is not (a repository raising `high` above the org's `critical`, an org's effort that the
 * repository's provider does not take). Each problem is pinned on the file that set it last.
 */
import { EFFORTS_BY_PROVIDER } from '../domain/policy.js';
import type { Tier } from '../domain/review-job.js';
import { readPath } from './read-path.js';
import { resolvePolicy } from './resolve-policy.js';
import { FLEX_PROVIDERS, RISK_LEVEL_KEYS, SIZE_THRESHOLD_KEYS, type PolicyFile } from './schema.js';
import type { PathSegment, PolicyIssue } from './types.js';

/** A validated file, parents first. */
export interface CheckedLayer {
  readonly file: string;
  readonly config: PolicyFile;
}

/** An issue and the index of the layer it belongs to. */
export interface LayerIssue {
  readonly layer: number;
  readonly issue: PolicyIssue;
}

/** The last layer that sets `path`, -1 for the defaults. */
const lastSetBy = (layers: readonly CheckedLayer[], path: readonly PathSegment[]): number =>
  layers.findLastIndex((layer) => readPath(layer.config, path) !== undefined);

const origin = (layers: readonly CheckedLayer[], index: number): string =>
  index < 0 ? 'by default' : `in ${layers[index]?.file ?? 'another file'}`;

const checkIncreasing = (
  layers: readonly CheckedLayer[],
  section: readonly PathSegment[],
  keys: readonly string[],
): LayerIssue[] => {
  const merged = resolvePolicy(layers.map((layer) => layer.config));
  const issues: LayerIssue[] = [];
  for (const [index, upper] of keys.entries()) {
    const lower = keys[index - 1];
    if (lower === undefined) continue;
    const lowerValue = Number(readPath(merged, [...section, lower]));
    const upperValue = Number(readPath(merged, [...section, upper]));
    if (upperValue > lowerValue) continue;
    const lowerLayer = lastSetBy(layers, [...section, lower]);
    const upperLayer = lastSetBy(layers, [...section, upper]);
    const [layer, issue]: [number, PolicyIssue] =
      upperLayer >= lowerLayer
        ? [
            upperLayer,
            {
              path: [...section, upper],
              at: 'value',
              message: `must be greater than ${lower} (${lowerValue}), got ${upperValue}`,
              hint: `${lower} is ${lowerValue} ${origin(layers, lowerLayer)}: set ${lower} here too, or raise ${upper}`,
            },
          ]
        : [
            lowerLayer,
            {
              path: [...section, lower],
              at: 'value',
              message: `must be less than ${upper} (${upperValue}), got ${lowerValue}`,
              hint: `${upper} is ${upperValue} ${origin(layers, upperLayer)}: set ${upper} here too, or lower ${lower}`,
            },
          ];
    if (layer >= 0) issues.push({ layer, issue });
  }
  return issues;
};

const checkModel = (layers: readonly CheckedLayer[], tier: Tier): LayerIssue[] => {
  const configs = layers.map((layer) => layer.config);
  const { provider, model, effort } = resolvePolicy(configs).models[tier];
  const at = (key: string): PathSegment[] => ['models', tier, key];
  const providerLayer = lastSetBy(layers, at('provider'));
  const effortLayer = lastSetBy(layers, at('effort'));
  const modelLayer = lastSetBy(layers, at('model'));
  const allowed = EFFORTS_BY_PROVIDER[provider];
  const issues: LayerIssue[] = [];
  if (!allowed.includes(effort)) {
    issues.push(
      effortLayer >= providerLayer
        ? {
            layer: effortLayer,
            issue: {
              path: at('effort'),
              at: 'value',
              message: `effort '${effort}' is not available for provider '${provider}' (${provider} is the provider ${origin(layers, providerLayer)})`,
              hint: `expected one of: ${allowed.join(', ')}`,
            },
          }
        : {
            layer: providerLayer,
            issue: {
              path: at('provider'),
              at: 'value',
              message: `provider '${provider}' does not take effort '${effort}' (${effort} is the effort ${origin(layers, effortLayer)})`,
              hint: `set models.${tier}.effort here too: one of ${allowed.join(', ')}`,
            },
          },
    );
  }
  const modelProvider = resolvePolicy(configs.slice(0, modelLayer + 1)).models[tier].provider;
  if (providerLayer > modelLayer && modelProvider !== provider) {
    issues.push({
      layer: providerLayer,
      issue: {
        path: at('provider'),
        at: 'value',
        message: `provider changed to '${provider}' but the model is still '${model}', chosen for ${modelProvider} ${origin(layers, modelLayer)}`,
        hint: `set models.${tier}.model here too`,
      },
    });
  }
  return issues.filter((entry) => entry.layer >= 0);
};

/** A flex tier inherited onto a provider without one, or the other way round. */
const checkServiceTier = (layers: readonly CheckedLayer[], tier: Tier): LayerIssue[] => {
  const merged = resolvePolicy(layers.map((layer) => layer.config)).models[tier];
  if (merged.service_tier !== 'flex' || FLEX_PROVIDERS.includes(merged.provider)) return [];
  const at = (key: string): PathSegment[] => ['models', tier, key];
  const tierLayer = lastSetBy(layers, at('service_tier'));
  const providerLayer = lastSetBy(layers, at('provider'));
  const layer = Math.max(tierLayer, providerLayer);
  if (layer < 0) return [];
  return [
    {
      layer,
      issue: {
        path: at(tierLayer >= providerLayer ? 'service_tier' : 'provider'),
        at: 'value',
        message: `service_tier 'flex' is not available for provider '${merged.provider}' (flex is set ${origin(layers, tierLayer)}, the provider ${origin(layers, providerLayer)})`,
        hint: `flex is OpenAI's tier: use provider ${FLEX_PROVIDERS.join(', ')}, or set models.${tier}.service_tier: standard here`,
      },
    },
  ];
};

export const checkPolicyLayers = (layers: readonly CheckedLayer[]): LayerIssue[] => [
  ...checkModel(layers, 'fast'),
  ...checkModel(layers, 'deep'),
  ...checkServiceTier(layers, 'fast'),
  ...checkServiceTier(layers, 'deep'),
  ...checkIncreasing(layers, ['risk', 'levels'], RISK_LEVEL_KEYS),
  ...checkIncreasing(layers, ['size', 'changed_lines'], SIZE_THRESHOLD_KEYS),
];
