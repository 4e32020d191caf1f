import { describe, expect, it } from 'vitest';
import { fromGitHubFiles } from '../changes/from-github-files.js';
import type { Finding } from '../domain/model-answer.js';
import { fingerprintMarker } from './render-comment.js';
import {
  codeOf,
  fingerprintFinding,
  normalizeTitle,
  readFingerprints,
} from './fingerprint-finding.js';

const diffOf = (patch: string, path = 'src/a.ts') =>
  fromGitHubFiles(
    [{ filename: path, status: 'modified', additions: 1, deletions: 1, changes: 2, patch }],
    {
      truncated: false,
    },
  );

const BEFORE = diffOf(
  '@@ -1,3 +1,3 @@\n const a = 1;\n-if (a == b) return;\n+if (a === b)   return;\n const c = 3;',
);
const SHIFTED = diffOf(
  '@@ -1,3 +1,5 @@\n+// one\n+// two\n const a = 1;\n-if (a == b) return;\n+if (a === b) return;\n const c = 3;',
);

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  path: 'src/a.ts',
  line: 2,
  start_line: null,
  side: 'RIGHT',
  severity: 'warning',
  category: 'bug',
  title: 'Compares with ===',
  body: 'Why.',
  suggestion: null,
  ...overrides,
});

describe('fingerprintFinding', () => {
  it('gives the same problem on the same code the same fingerprint after the code moved', () => {
    expect(fingerprintFinding(finding({ line: 4 }), [SHIFTED])).toBe(
      fingerprintFinding(finding({ line: 2 }), [BEFORE]),
    );
  });

  it('ignores case and punctuation in the title and whitespace in the code', () => {
    expect(
      fingerprintFinding(finding({ title: 'compares with  ===!', category: ' Bug ' }), [BEFORE]),
    ).toBe(fingerprintFinding(finding(), [BEFORE]));
  });

  it.each([
    ['another file', { path: 'src/b.ts' }],
    ['another line of code', { line: 3 }],
    ['another category', { category: 'security' }],
    ['another title', { title: 'Loose equality' }],
  ])('tells findings apart by %s', (_what, overrides) => {
    expect(fingerprintFinding(finding(overrides), [BEFORE])).not.toBe(
      fingerprintFinding(finding(), [BEFORE]),
    );
  });

  it('reads the code from the first diff that shows the line, then the next', () => {
    expect(codeOf(finding({ line: 4 }), [BEFORE, SHIFTED])).toBe('if (a === b) return;');
    expect(codeOf(finding({ line: 99 }), [BEFORE, SHIFTED])).toBe('');
  });

  it('reads every line of a range on its side', () => {
    expect(codeOf(finding({ start_line: 1, line: 2 }), [BEFORE])).toBe(
      'const a = 1; if (a === b) return;',
    );
    expect(codeOf(finding({ side: 'LEFT', line: 2 }), [BEFORE])).toBe('if (a == b) return;');
  });

  it('is 32 hex digits', () => {
    expect(fingerprintFinding(finding(), [BEFORE])).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('normalizeTitle', () => {
  it('keeps letters and digits of any script', () => {
    expect(normalizeTitle('  Ümlaut: `x`-Wert  fehlt (2x)!')).toBe('ümlaut x wert fehlt 2x');
  });
});

describe('readFingerprints', () => {
  it('reads back every marker a comment carries, and nothing else', () => {
    const a = 'a'.repeat(32);
    const b = 'b'.repeat(32);
    expect(
      readFingerprints(
        `Text\n\n${fingerprintMarker(a)}\n<!-- review-router:finding xyz -->\n${fingerprintMarker(b)}`,
      ),
    ).toEqual([a, b]);
    expect(readFingerprints('A person wrote this.')).toEqual([]);
  });
});
