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

  it.each([
    'db/changelog/migrations/001-users.xml',
    'db/migrations/002-orders.yaml',
    'migrations/20240101_add_users.js',
    'src/migrations/1700000000000-AddUsers.ts',
    'src/Data/migrations/20240101_Init.cs',
    'priv/repo/migrations/20240101_add_users.exs',
    'database/migrations/2024_01_01_create_users_table.php',
  ])('counts %s, written in code or a schema format, as a migration', (path) => {
    expect(detectMigration(testContext([testFile(path, { added: ['up'] })]))?.paths).toEqual([
      path,
    ]);
  });

  it.each([
    'src/ledger/migrations/README.md',
    'db/migrate/NOTES.txt',
    'migrations/index.rst',
    'alembic/versions/README',
    'db/migrations/schema.png',
    'db/migrations/erd.svg',
    'prisma/migrations/migration_lock.toml',
  ])(
    'does not count %s as a migration: docs, images and lock files are not written in SQL or code',
    (path) => {
      expect(
        detectMigration(testContext([testFile(path, { added: ['DROP TABLE users;'] })])),
      ).toBeNull();
    },
  );

  it('names only the migrations when a README changes beside them', () => {
    const signal = detectMigration(
      testContext([
        testFile('db/migrations/README.md', { added: ['Run DROP with care.'] }),
        testFile('db/migrations/0005.sql', { added: ['CREATE TABLE t (id int);'] }),
      ]),
    );
    expect(signal).toEqual({
      id: 'migration',
      weight: 0.35,
      message: 'changes database migrations: db/migrations/0005.sql',
      paths: ['db/migrations/0005.sql'],
    });
  });

  it.each(['src/db/client.ts', 'docs/migrating.md'])('does not flag %s', (path) => {
    expect(detectMigration(testContext([testFile(path, { added: ['DROP'] })]))).toBeNull();
  });
});
