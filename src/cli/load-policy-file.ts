/** Input files of the CLI: a patch or policy file by name, or stdin for `-`. */
import { readFile } from 'node:fs/promises';
import type { Policy } from '../domain/policy.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { CliError, type CliIo } from './cli-io.js';
import { RESOLVE_POLICY_FILE, unreadableFile } from './unreadable-file.js';

/** `resolve`: what to do when the file cannot be read. */
export const readText = async (file: string, io: CliIo, resolve: string): Promise<string> => {
  try {
    // Patches may hold any bytes; invalid UTF-8 becomes U+FFFD without changing line counts.
    return file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableFile(file, error, resolve);
  }
};

/** The defaults without a file; a file's `_extends` is named on stderr, as it is not followed. */
export const loadPolicyFile = async (file: string | undefined, io: CliIo): Promise<Policy> => {
  if (file === undefined) return DEFAULT_POLICY;
  // The YAML parser and the policy's messages are loaded only for a policy file.
  const { parsePolicyText } = await import('../policy/parse-policy-text.js');
  const { formatPolicyProblems } = await import('../policy/format-policy-problems.js');
  const text = await readText(file, io, RESOLVE_POLICY_FILE);
  const parsed = parsePolicyText(text, file, (named) =>
    io.err(
      `review-router: ${file} extends ${named}, which is not followed here: only this file's settings, over the defaults, apply (the app layers the two)`,
    ),
  );
  if (!parsed.ok) throw new CliError(`invalid policy file:\n${formatPolicyProblems(parsed.error)}`);
  return parsed.value;
};
