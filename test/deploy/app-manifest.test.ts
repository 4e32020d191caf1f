/**
 * The app's manifest (app.yml) subscribes to every event the app handles: GitHub sends an event
 * only to an app subscribed to it, so a handler without its subscription never runs.
 */
import { readFileSync } from 'node:fs';
import type { Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registerFeedbackIntake } from '../../src/intake/register-feedback-intake.js';
import { registerIntake } from '../../src/intake/register-intake.js';

/** The event names (before the action) the intake handlers listen to. */
const handledEvents = (): Set<string> => {
  const names = new Set<string>();
  const app = {
    on: (events: string | string[]) => {
      for (const event of [events].flat()) names.add(event.split('.')[0] ?? event);
    },
  } as unknown as Probot;
  const noop = () => Promise.resolve();
  registerIntake(app, { enqueue: noop }, () => new Date(), { recordHistory: noop } as never);
  registerFeedbackIntake(app, {
    queue: { enqueue: noop },
    feedback: {} as never,
    now: () => new Date(),
  });
  return names;
};

describe('app.yml', () => {
  it('subscribes to every event a handler listens to', () => {
    const manifest = parse(readFileSync('app.yml', 'utf8')) as { default_events: string[] };
    const handled = [...handledEvents()].sort();
    expect(handled).toEqual(
      expect.arrayContaining(['check_run', 'issue_comment', 'pull_request', 'push']),
    );
    expect(manifest.default_events).toEqual(expect.arrayContaining(handled));
  });
});
