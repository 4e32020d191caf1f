import type { RiskSignal } from '../../domain/classification.js';
import { extensionOf, SOURCE_EXTENSIONS } from '../detect-file-kind.js';
import { compileGlobs } from '../match-paths.js';
import type { SignalContext } from '../types.js';
import { formatList } from './format-list.js';
import { listAddedLines } from './list-added-lines.js';
import { SIGNAL_WEIGHTS } from './signal-weights.js';

export const MIGRATION_GLOBS: readonly string[] = [
  '**/migrations/**',
  '**/migration/**',
  '**/migrate/**',
  '**/alembic/versions/**',
  '**/*.sql',
];

/**
 * What a migration can be written in: SQL, a programming language (Rails, Django, Alembic,
 * Knex, Flyway's Java, Ecto, ...), or a schema or changelog format (Liquibase XML, YAML and
 * JSON, Prisma). A README, notes or a diagram inside a migrations folder is not a migration.
 */
const MIGRATION_EXTENSIONS: ReadonlySet<string> = new Set([
  ...SOURCE_EXTENSIONS,
  ...'sql ddl cql psql pgsql xml yaml yml json prisma edn'.split(' '),
]);

/** Whether a path is where migrations live and is written in what a migration can be. */
const canBeMigration = (path: string, isMigrationPath: (path: string) => boolean): boolean =>
  MIGRATION_EXTENSIONS.has(extensionOf(path)) && isMigrationPath(path);

/** SQL that loses or reshapes data, and the same operations in common migration frameworks. */
const DESTRUCTIVE =
  /\b(?:DROP|ALTER|TRUNCATE|DELETE\s+FROM|drop_table|drop_column|remove_column|change_column|rename_column|alter_column|RemoveField|DeleteModel|AlterField|dropTable|dropColumn|alterTable)\b/gi;

const statementName = (match: string): string => {
  const squeezed = match.replace(/\s+/g, ' ');
  return /_|[a-z][A-Z]/.test(squeezed) ? squeezed : squeezed.toUpperCase();
};

/**
 * Database migrations (files in a migrations folder written in SQL, code or a schema format)
 * and SQL files; heavier when added lines drop, alter, truncate or delete.
 */
export const detectMigration = (ctx: SignalContext): RiskSignal | null => {
  const isMigration = compileGlobs(MIGRATION_GLOBS);
  const paths: string[] = [];
  const destructivePaths: string[] = [];
  const statements = new Set<string>();
  for (const facts of ctx.counted) {
    if (!facts.paths.some((path) => canBeMigration(path, isMigration))) continue;
    paths.push(facts.path);
    let destructive = false;
    for (const { text } of listAddedLines(facts.file)) {
      for (const match of text.matchAll(DESTRUCTIVE)) {
        statements.add(statementName(match[0]));
        destructive = true;
      }
    }
    if (destructive) destructivePaths.push(facts.path);
  }
  if (paths.length === 0) return null;
  if (destructivePaths.length === 0) {
    return {
      id: 'migration',
      weight: SIGNAL_WEIGHTS.migration,
      message: `changes database migrations: ${formatList(paths)}`,
      paths,
    };
  }
  return {
    id: 'migration',
    weight: SIGNAL_WEIGHTS['migration-destructive'],
    message: `adds destructive database statements (${formatList([...statements], 5)}) in ${formatList(destructivePaths)}`,
    paths,
  };
};
