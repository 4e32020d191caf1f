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

const K8S_SECRET = /^\s*kind:\s*["']?Secret["']?\s*$/m;
const K8S_DATA = /^(?<indent>\s*)(?:data|stringData):\s*$/;
const K8S_ENTRY =
  /^(?<indent>\s+)["']?[\w.-]{1,253}["']?:\s*["']?(?<value>[^\s"']{4,8192})["']?\s*$/;

const valueRange = (line: string, kind: string): SecretRange | null => {
  const match = VALUE_LINE.exec(line);
  const value = match?.groups?.['value'];
  if (match === null || value === undefined) return null;
  const start = match.groups?.['indent']?.length ?? 0;
  return { start, end: start + value.length, kind };
};

const findNamedValueLines = (lines: readonly string[], found: SecretRange[][]): void => {
  lines.forEach((line, index) => {
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

const findKubernetesData = (lines: readonly string[], found: SecretRange[][]): void => {
  let dataIndent = -1;
  lines.forEach((line, index) => {
    const data = K8S_DATA.exec(line);
    if (data !== null) {
      dataIndent = data.groups?.['indent']?.length ?? 0;
      return;
    }
    if (dataIndent < 0) return;
    const entry = K8S_ENTRY.exec(line);
    const indent = entry?.groups?.['indent']?.length ?? 0;
    const value = entry?.groups?.['value'];
    if (entry === null || value === undefined || indent <= dataIndent) {
      if (line.trim() !== '') dataIndent = -1;
      return;
    }
    if (isPlaceholder(value) || isPlaceholder(decodeBase64(value)) || /^\$|\{\{/.test(value))
      return;
    const start = line.indexOf(value, line.indexOf(':') + 1);
    found[index]?.push({ start, end: start + value.length, kind: 'kubernetes-secret' });
  });
};

/** Adds, to each line's ranges, the secrets that span that line and its neighbours. */
export const findBlockSecrets = (lines: readonly string[], found: SecretRange[][]): void => {
  findNamedValueLines(lines, found);
  if (lines.some((line) => line.includes('Secret') && K8S_SECRET.test(line)))
    findKubernetesData(lines, found);
};
