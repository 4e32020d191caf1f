/**
 * A model's answer with the secrets the detectors recognise, and the pull request's known ones,
 * removed from every text in it. The model never saw the known ones (they were redacted from its
 * prompt); this is for an answer that repeats or makes one up. Its texts go to GitHub, to the
 * deep model when the fast one escalates, and to the ledger's findings.
 */
import type { ModelAnswer } from '../domain/model-answer.js';
import { redactText } from './redact-text.js';
import type { KnownSecret } from './types.js';

export const redactAnswer = (answer: ModelAnswer, known: readonly KnownSecret[]): ModelAnswer => {
  const redact = (text: string) => redactText(text, known).text;
  return {
    ...answer,
    summary: redact(answer.summary),
    escalate: { ...answer.escalate, reason: redact(answer.escalate.reason) },
    findings: answer.findings.map((finding) => ({
      ...finding,
      category: redact(finding.category),
      title: redact(finding.title),
      body: redact(finding.body),
      suggestion: finding.suggestion === null ? null : redact(finding.suggestion),
    })),
  };
};
