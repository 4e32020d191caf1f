import { describe, expect, it } from 'vitest';
import type { ModelAnswer } from '../domain/model-answer.js';
import { redactAnswer } from './redact-answer.js';
import { FAKE_SECRETS as S } from './test-secrets.js';
import type { KnownSecret } from './types.js';

const known: KnownSecret[] = [
  { value: S.password, kind: 'generic-secret' },
  { value: S.awsSecretAccessKey, kind: 'aws-secret-access-key' },
];

const answer: ModelAnswer = {
  summary: `The password ${S.password} is committed.`,
  escalate: { needed: true, reason: `Key ${S.awsSecretAccessKey} leaks.` },
  findings: [
    {
      path: 'src/a.ts',
      line: 3,
      start_line: null,
      side: 'RIGHT',
      severity: 'critical',
      category: 'security',
      title: `Password ${S.password}`,
      body: `Rotate ${S.awsSecretAccessKey}.`,
      suggestion: `const password = '${S.password}';`,
    },
  ],
};

describe('redactAnswer', () => {
  it('removes the known secrets from every text of the answer', () => {
    const redacted = redactAnswer(answer, known);
    const text = JSON.stringify(redacted);
    expect(text).not.toContain(S.password);
    expect(text).not.toContain(S.awsSecretAccessKey);
    expect(redacted.summary).toBe('The password [REDACTED:generic-secret] is committed.');
    expect(redacted.escalate).toEqual({
      needed: true,
      reason: 'Key [REDACTED:aws-secret-access-key] leaks.',
    });
    expect(redacted.findings[0]).toMatchObject({
      path: 'src/a.ts',
      line: 3,
      suggestion: "const password = '[REDACTED:generic-secret]';",
    });
  });

  it('redacts what the detectors recognise when the pull request had no secret', () => {
    const token = `ghp_${'M0d3lS4ysTh1sT0k3nZ9x8c7v6b5n4m3q2w1'}`;
    const madeUp: ModelAnswer = {
      ...answer,
      summary: 'Fine.',
      escalate: { needed: true, reason: `needs a deep look at ${token}` },
      findings: [],
    };
    expect(redactAnswer(madeUp, []).escalate.reason).toBe(
      'needs a deep look at [REDACTED:github-token]',
    );
  });

  it('leaves an answer without secrets as it was', () => {
    const clean: ModelAnswer = {
      ...answer,
      summary: 'Fine.',
      escalate: { needed: false, reason: '' },
      findings: [],
    };
    expect(redactAnswer(clean, [])).toEqual(clean);
  });
});
