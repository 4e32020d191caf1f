import { readFile } from 'node:fs/promises';
import { formatPolicyProblems } from '../policy/format-policy-problems.js';
import { locatePolicyIssues } from '../policy/locate-policy-issues.js';
import { extendsOf } from '../policy/parse-policy-text.js';
import { parsePolicyYaml } from '../policy/parse-policy-yaml.js';
import type { PolicyProblem } from '../policy/types.js';
import { validatePolicyLayers } from '../policy/validate-policy-layers.js';
import { readPath } from '../policy/read-path.js';
import { resolvePolicy } from '../policy/resolve-policy.js';
import type { PriceTable } from '../ledger/price-table.js';
import { policyPriceProblems } from '../review/policy-price-problem.js';
import { CliError, EXIT_FAILED, type CliIo } from './cli-io.js';
import { RESOLVE_POLICY_FILE, unreadableFile } from './unreadable-file.js';

export interface PolicyCheckOptions {
  /** The repository's `.github/review-router.yml`. */
  readonly file: string;
  /** The file its `_extends` names (usually the org's `.github` repository's), if given. */
  readonly orgFile: string | undefined;
  /** The price table the app runs with: a model it cannot price fails the check run too. */
  readonly prices: PriceTable;
  readonly io: CliIo;
}

interface PolicyText {
  readonly file: string;
  readonly text: string;
}

const readPolicy = async (file: string): Promise<PolicyText> => {
  try {
    return { file, text: await readFile(file, 'utf8') };
  } catch (error) {
    throw unreadableFile(file, error, RESOLVE_POLICY_FILE);
  }
};

/**
 * The models of the layered policy that the price table cannot price, each located in the last
 * file that names it: the check run fails such a policy before any model is called.
 */
const priceProblems = (
  layers: readonly { file: string; text: string; yaml: ReturnType<typeof parsePolicyYaml> }[],
  prices: PriceTable,
): PolicyProblem[] => {
  const configs = layers.map(({ yaml }) => (yaml.ok ? yaml.value : null));
  return policyPriceProblems(resolvePolicy(configs), prices).flatMap((problem) => {
    const setBy = configs.findLastIndex(
      (config) => config !== null && readPath(config, problem.path) !== undefined,
    );
    const layer = layers[setBy === -1 ? layers.length - 1 : setBy];
    if (layer === undefined) return [];
    return locatePolicyIssues({
      file: layer.file,
      text: layer.text,
      issues: [{ path: problem.path, at: 'value', message: problem.detail, hint: null }],
    });
  });
};

/**
 * The problems of files that the app reads together, parents first, each located in its own
 * file, the child's first (the file a maintainer usually edits).
 */
const checkLayers = (files: readonly PolicyText[], prices: PriceTable): PolicyProblem[] => {
  const parsed = files.map(({ file, text }) => ({ file, text, yaml: parsePolicyYaml(text, file) }));
  // The child's file first, each file's errors in the order of its lines.
  const syntax = [...parsed].reverse().flatMap(({ yaml }) => (yaml.ok ? [] : yaml.error));
  if (syntax.length > 0) return syntax;
  const result = validatePolicyLayers(
    parsed.map(({ file, yaml }) => ({ file, config: yaml.ok ? yaml.value : null })),
  );
  if (result.ok) return priceProblems(parsed, prices);
  return [...parsed.entries()].reverse().flatMap(([layer, { file, text }]) =>
    locatePolicyIssues({
      file,
      text,
      issues: result.error.filter((entry) => entry.layer === layer).map((entry) => entry.issue),
    }),
  );
};

/**
 * `review-router policy check FILE [--org-file FILE]`: the check run's verdict on a policy, offline.
 * With `--org-file` and an `_extends` in FILE, the org file is layered under FILE as the app
 * layers the file `_extends` names; without an `_extends`, the app never layers the two, so each
 * is checked on its own. Valid: `FILE: valid` on stdout, exit 0. Invalid: the check run's located
 * messages, exit 1.
 */
export const runPolicyCheckCommand = async (options: PolicyCheckOptions): Promise<void> => {
  const { io } = options;
  const repo = await readPolicy(options.file);
  const org = options.orgFile === undefined ? null : await readPolicy(options.orgFile);
  const repoYaml = parsePolicyYaml(repo.text, repo.file);
  const repoExtends = repoYaml.ok ? extendsOf(repoYaml.value) : null;

  let problems: PolicyProblem[];
  if (org === null) {
    problems = checkLayers([repo], options.prices);
    if (repoExtends !== null)
      io.err(
        `policy check: ${repo.file} extends ${repoExtends}, which was not checked: pass that file as --org-file to check the two together`,
      );
  } else if (repoExtends !== null || !repoYaml.ok) {
    problems = checkLayers([org, repo], options.prices);
    const orgYaml = parsePolicyYaml(org.text, org.file);
    const orgExtends = orgYaml.ok ? extendsOf(orgYaml.value) : null;
    if (orgExtends !== null)
      io.err(
        `policy check: ${org.file} extends ${orgExtends} in turn, which was not checked: check that file with --org-file too`,
      );
  } else {
    problems = [...checkLayers([repo], options.prices), ...checkLayers([org], options.prices)];
    io.err(
      `policy check: ${repo.file} has no _extends, so the app never layers ${org.file} under it (it reads the org's file only for repositories without a policy file of their own): each was checked on its own`,
    );
  }
  if (problems.length > 0) throw new CliError(formatPolicyProblems({ problems }), EXIT_FAILED);
  io.out(`${repo.file}: valid`);
  if (org !== null) io.out(`${org.file}: valid`);
};
