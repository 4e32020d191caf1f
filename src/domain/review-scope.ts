/** What part of a pull request one review covers: all of it, or only what changed since the last review. */
import type { Classification } from './classification.js';
import type { DiffModel } from './diff.js';

export type ReviewScope =
  | {
      readonly kind: 'full';
      /** Why a push that could have been reviewed incrementally was not (a force-push); else null. */
      readonly note: string | null;
    }
  | {
      readonly kind: 'incremental';
      /** The head SHA the app reviewed last on this pull request. */
      readonly baseSha: string;
      /** Commits since baseSha. */
      readonly commits: number;
      /** Files of the pull request changed since baseSha, and files in the pull request. */
      readonly files: number;
      readonly pullFiles: number;
      /**
       * `increment`: routed on the new changes alone. `pull-request`: the push touches files that
       * make the whole pull request risky, so it was routed with the whole pull request's risk.
       */
      readonly routedOn: 'increment' | 'pull-request';
      /** The risky files of the pull request this push touches (routedOn pull-request). */
      readonly touchedRiskyPaths: readonly string[];
      /** The whole pull request's risk, for the summary. */
      readonly pullRisk: Classification['risk'];
      /**
       * Every file of the compare: the pull request's, redacted, and those that left it since (a
       * file it added and then deleted, one reverted to the base), which are never quoted: the
       * findings posted at baseSha are followed through it, line by line. Absent: through the
       * reviewed diff.
       */
      readonly compared?: DiffModel;
    };
