/** Input files of the CLI: a patch or policy file by name, or stdin for `-`. */
import { readFile } from 'node:fs/promises';
import type { Policy } from '../domain/policy.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { CliError, type CliIo } from './cli-io.js';

export const readText = async (file: string, io: CliIo): Promise<string> => {
  try {
    // Patches may hold any bytes; invalid UTF-8 becomes U+FFFD without changing line counts.
    return file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
};

export const loadPolicyFile = async (file: string | undefined, io: CliIo): Promise<Policy> => {
  if (file === undefined) return DEFAULT_POLICY;
  // The YAML parser and the policy's messages are loaded only for a policy file.
  const { parsePolicyText } = await import('../policy/parse-policy-text.js');
  const { formatPolicyProblems } = await import('../policy/format-policy-problems.js');
  const parsed = parsePolicyText(await readText(file, io), file);
  if (!parsed.ok) throw new CliError(`invalid policy file:\n${formatPolicyProblems(parsed.error)}`);
  return parsed.value;
};
