import { describe, expect, it } from 'vitest';
import { silentLog, type Log } from '../domain/log.js';
import { fakeGitHub, PATH, REPO, yaml } from '../policy/test-policy-source.js';
import { endedWith } from './job-outcome.js';
import { noteUnreadExtends, readPolicy } from './read-policy.js';

const warnings: string[] = [];
const log: Log = { ...silentLog, warn: (_metadata, message) => warnings.push(message) };

describe('readPolicy', () => {
  it('gives the policy with the unread _extends file, logs it, and the check run says it', async () => {
    const { source } = fakeGitHub({ [`acme/api:${PATH}`]: yaml('_extends: acme/policies') });
    const read = await readPolicy(source, REPO, log);
    if (!read.ok) throw new Error('expected a policy');
    expect(read.value.unread).toEqual({
      from: `acme/api:${PATH}`,
      named: `acme/policies:${PATH}`,
    });
    expect(warnings).toEqual([
      'policy: a file named by _extends could not be read; its settings do not apply',
    ]);
    const outcome = endedWith({
      check: { id: null, conclusion: 'success', output: { title: 'Reviewed', summary: 'Done.' } },
    });
    const noted = noteUnreadExtends(outcome, read.value.unread);
    expect(noted.check?.output.summary).toMatch(
      /^Done\.\n\n\*\*Policy:\*\* the `_extends` of `acme\/api:\.github\/review-router\.yml` names `acme\/policies:\.github\/review-router\.yml`, which could not be read/,
    );
    expect(noteUnreadExtends(outcome, null)).toBe(outcome);
  });
});
