/**
 * A model's answer with the pull request's known secrets removed from every text in it. The model
 * never saw them (they were redacted from its prompt); this is for the answer that repeats one
 * anyway. Text the detectors recognise is redacted again when it is rendered.
 */
import type { ModelAnswer } from '../domain/model-answer.js';
import { redactText } from './redact-text.js';
import type { KnownSecret } from './types.js';

export const redactAnswer = (answer: ModelAnswer, known: readonly KnownSecret[]): ModelAnswer => {
  if (known.length === 0) return answer;
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
