import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { detectMigration } from './detect-migration.js';
import { testContext } from './test-context.js';

describe('detectMigration', () => {
  it.each([
    'db/migrate/20240101120000_add_users.rb',
    'src/migrations/0002_orders.py',
    'prisma/migrations/20240101/migration.sql',
    'alembic/versions/abc123_add.py',
    'schema/seed.sql',
    'internal/migrate/001.go',
  ])('flags %s as a migration', (path) => {
    const signal = detectMigration(
      testContext([testFile(path, { added: ['CREATE TABLE t (id int);'] })]),
    );
    expect(signal).toEqual({
      id: 'migration',
      weight: 0.35,
      message: `changes database migrations: ${path}`,
      paths: [path],
    });
  });

  it.each([
    ['DROP TABLE users;', 'DROP'],
    ['ALTER TABLE users ADD COLUMN age int;', 'ALTER'],
    ['truncate table sessions;', 'TRUNCATE'],
    ['DELETE FROM orders WHERE id < 10;', 'DELETE FROM'],
    ['    remove_column :users, :email', 'remove_column'],
    ['        migrations.RemoveField(model_name="user", name="email"),', 'RemoveField'],
    ["    op.drop_table('users')", 'drop_table'],
  ])('weighs a migration heavier when an added line says %s', (line, statement) => {
    const path = 'db/migrations/0003.sql';
    const signal = detectMigration(testContext([testFile(path, { added: ['-- up', line] })]));
    expect(signal).toEqual({
      id: 'migration',
      weight: 0.6,
      message: `adds destructive database statements (${statement}) in ${path}`,
      paths: [path],
    });
  });

  it('looks only at added lines for destructive statements', () => {
    const file = testFile('db/migrations/0004.sql', {
      added: ['CREATE INDEX i ON t (a);'],
      deletions: 1,
    });
    const signal = detectMigration(testContext([file]));
    expect(signal?.weight).toBe(0.35);
  });

  it('counts a migration without a patch by its path', () => {
    const file = testFile('db/migrate/big.sql', { additions: 90_000, patchAvailable: false });
    expect(detectMigration(testContext([file]))?.weight).toBe(0.35);
  });

  it.each(['src/db/client.ts', 'docs/migrating.md'])('does not flag %s', (path) => {
    expect(detectMigration(testContext([testFile(path, { added: ['DROP'] })]))).toBeNull();
  });
});
