import type { DetectSignal } from '../types.js';
import { detectChangeHistory } from './detect-change-history.js';
import { detectCiWorkflow } from './detect-ci-workflow.js';
import { detectDeletionsHeavy } from './detect-deletions-heavy.js';
import { detectDependencyManifest } from './detect-dependency-manifest.js';
import { detectFixHistory } from './detect-fix-history.js';
import { detectHistoryBaseline } from './detect-history-baseline.js';
import { detectFirstTimeContributor } from './detect-first-time-contributor.js';
import { detectInfrastructure } from './detect-infrastructure.js';
import { detectLargeChange } from './detect-large-change.js';
import { detectMigration } from './detect-migration.js';
import { detectNoTests } from './detect-no-tests.js';
import { detectPolicySensitivePath } from './detect-policy-sensitive-path.js';
import { detectRiskyPattern } from './detect-risky-pattern.js';
import { detectSensitivePath } from './detect-sensitive-path.js';
import { detectSourceChurn } from './detect-source-churn.js';
import { detectWideSpread } from './detect-wide-spread.js';

/** Every risk signal, in the order their messages are listed when weights tie. */
export const ALL_SIGNALS: readonly DetectSignal[] = [
  detectSensitivePath,
  detectPolicySensitivePath,
  detectRiskyPattern,
  detectMigration,
  detectCiWorkflow,
  detectInfrastructure,
  detectDependencyManifest,
  detectSourceChurn,
  detectLargeChange,
  detectWideSpread,
  detectNoTests,
  detectFirstTimeContributor,
  detectDeletionsHeavy,
  detectFixHistory,
  detectChangeHistory,
  detectHistoryBaseline,
];
