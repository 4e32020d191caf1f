import { detectFileKind } from './detect-file-kind.js';
import { compileGlobs } from './match-paths.js';
import type { ClassifyInput, FileFacts, SignalContext } from './types.js';

/** Computes the per-file facts once, in one pass, so that every signal stays linear. */
export const buildSignalContext = (input: ClassifyInput): SignalContext => {
  const isIgnored = compileGlobs(input.policy.review.ignore_paths);
  const files = input.diff.files.map((file): FileFacts => {
    const kind = detectFileKind(file.path);
    const paths =
      file.previousPath !== null && file.previousPath !== file.path
        ? [file.path, file.previousPath]
        : [file.path];
    return {
      file,
      path: file.path,
      paths,
      changedLines: file.additions + file.deletions,
      ignored: isIgnored(file.path),
      isTest: kind === 'test',
      isSource: kind === 'source',
    };
  });
  const counted = files.filter((facts) => !facts.ignored);
  return {
    policy: input.policy,
    files,
    counted,
    changedLines: counted.reduce((sum, facts) => sum + facts.changedLines, 0),
    authorAssociation: input.authorAssociation ?? null,
    history: input.history ?? null,
  };
};
