/**
 * Secrets whose name and value sit on different lines: an XML element with its value on a line
 * of its own, a YAML block scalar (`api_token: |` then the value), and the values under `data:`
 * or `stringData:` in a Kubernetes `kind: Secret` manifest, whatever their key is called.
 */
import { randomValue } from './assignment-detectors.js';
import { decodeBase64 } from './decode-base64.js';
import { isPlaceholder } from './is-placeholder.js';
import { SECRET_NAME } from './secret-name.js';
import type { SecretRange } from './types.js';

const XML_OPEN = new RegExp(`^\\s*<(?<tag>${SECRET_NAME})(?:\\s[^>]{0,200})?>\\s*$`, 'i');
const YAML_BLOCK = new RegExp(`^\\s*["']?${SECRET_NAME}["']?\\s*:\\s*[|>][-+]?\\s*$`, 'i');
const VALUE_LINE = /^(?<indent>\s*)(?<value>[^\s<>]{1,4096})\s*$/;

/** `kind: Secret` (or `secret`, `SECRET`), quoted or not. */
const K8S_SECRET = /^\s*kind:\s*["']?(?:Secret|secret|SECRET)["']?\s*$/;
/** A line that starts another YAML document of the same file. */
const DOCUMENT_START = /^---(?:\s|$)/;
const K8S_DATA = /^(?<indent>\s*)(?:data|stringData):\s*$/;
const K8S_ENTRY =
  /^(?<indent>\s+)["']?[\w.-]{1,253}["']?:\s*["']?(?<value>[^\s"']{4,8192})["']?\s*$/;
/** An entry whose value is a block scalar, on the lines below it (`.dockercfg: |`). */
const K8S_BLOCK_ENTRY = /^(?<indent>\s+)["']?[\w.-]{1,253}["']?:\s*[|>][-+]?\s*$/;
const COMMENT = /^\s*#/;
/** Cheaper than `K8S_SECRET`, and true wherever it is. */
export const mayNameSecretKind = (line: string): boolean => line.includes('kind:');

const valueRange = (line: string, kind: string): SecretRange | null => {
  const match = VALUE_LINE.exec(line);
  const value = match?.groups?.['value'];
  if (match === null || value === undefined) return null;
  const start = match.groups?.['indent']?.length ?? 0;
  return { start, end: start + value.length, kind };
};

const isOpenerEnd = (code: number): boolean =>
  code === 62 || code === 124 || code === 43 || code === 45; // > | + -

/**
 * Whether a line may end as a block opener does (`<apiToken>`, `api_token: |`), blanks aside.
 * Every character beyond ASCII is passed over as if it were a blank: a line this wrongly takes
 * for an opener costs a scan, never a secret.
 */
export const mayEndAsOpener = (line: string): boolean => {
  for (let index = line.length - 1; index >= 0; index -= 1) {
    const code = line.charCodeAt(index);
    if (code === 32 || (code >= 9 && code <= 13) || code > 127) continue;
    return isOpenerEnd(code);
  }
  return false;
};

const findNamedValueLines = (lines: readonly string[], found: SecretRange[][]): void => {
  lines.forEach((line, index) => {
    if (!mayEndAsOpener(line)) return;
    const last = line.trimEnd().at(-1);
    if (last !== '>' && last !== '|' && last !== '-' && last !== '+') return;
    const next = lines[index + 1];
    if (next === undefined) return;
    const xml = XML_OPEN.exec(line);
    const tag = xml?.groups?.['tag'];
    const closes = tag !== undefined && lines[index + 2]?.trim() === `</${tag}>`;
    if (!closes && !YAML_BLOCK.test(line)) return;
    const range = valueRange(next, 'generic-secret');
    if (range !== null && randomValue(next.slice(range.start, range.end)))
      found[index + 1]?.push(range);
  });
};

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** Shorter once decoded, a value is a flag or a word (`YmFyCg==` is `bar`), not a credential. */
const MIN_DECODED_LENGTH = 5;

const isSecretValue = (value: string): boolean => {
  const decoded = decodeBase64(value);
  return (
    !isPlaceholder(value) &&
    !isPlaceholder(decoded) &&
    decoded.trim().length >= MIN_DECODED_LENGTH &&
    !/^\$|\{\{/.test(value)
  );
};

/** The values under `data:` and `stringData:` of the lines `from` to `to` (one document). */
const findKubernetesData = (
  lines: readonly string[],
  found: SecretRange[][],
  from: number,
  to: number,
): void => {
  let dataIndent = -1;
  /** The indent of an entry whose value is a block scalar, while its lines last. */
  let blockIndent = -1;
  for (let index = from; index < to; index += 1) {
    const line = lines[index] ?? '';
    if (blockIndent >= 0) {
      if (line.trim() === '') continue;
      if (indentOf(line) > blockIndent) {
        const value = line.trim();
        const start = indentOf(line);
        if (isSecretValue(value))
          found[index]?.push({ start, end: start + value.length, kind: 'kubernetes-secret' });
        continue;
      }
      blockIndent = -1;
    }
    const data = K8S_DATA.exec(line);
    if (data !== null) {
      dataIndent = data.groups?.['indent']?.length ?? 0;
      continue;
    }
    if (dataIndent < 0 || COMMENT.test(line)) continue;
    const block = K8S_BLOCK_ENTRY.exec(line);
    if (block !== null && (block.groups?.['indent']?.length ?? 0) > dataIndent) {
      blockIndent = block.groups?.['indent']?.length ?? 0;
      continue;
    }
    const entry = K8S_ENTRY.exec(line);
    const indent = entry?.groups?.['indent']?.length ?? 0;
    const value = entry?.groups?.['value'];
    if (entry === null || value === undefined || indent <= dataIndent) {
      if (line.trim() !== '') dataIndent = -1;
      continue;
    }
    if (!isSecretValue(value)) continue;
    const start = line.indexOf(value, line.indexOf(':') + 1);
    found[index]?.push({ start, end: start + value.length, kind: 'kubernetes-secret' });
  }
};

/** Each YAML document of the lines (`---` between them) that is a Kubernetes Secret. */
const findKubernetesSecrets = (lines: readonly string[], found: SecretRange[][]): void => {
  let from = 0;
  for (let index = 0; index <= lines.length; index += 1) {
    if (index < lines.length && !DOCUMENT_START.test(lines[index] ?? '')) continue;
    if (lines.slice(from, index).some((line) => K8S_SECRET.test(line)))
      findKubernetesData(lines, found, from, index);
    from = index + 1;
  }
};

/** Adds, to each line's ranges, the secrets that span that line and its neighbours. */
export const findBlockSecrets = (lines: readonly string[], found: SecretRange[][]): void => {
  findNamedValueLines(lines, found);
  if (lines.some(mayNameSecretKind)) findKubernetesSecrets(lines, found);
};
