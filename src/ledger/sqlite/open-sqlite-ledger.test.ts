import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors.js';
import { openSqliteLedger } from './open-sqlite-ledger.js';

const dir = mkdtempSync(join(tmpdir(), 'rr-ledger-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openSqliteLedger', () => {
  it('names DATA_DIR, in one line, when its folder is a file', () => {
    const notADirectory = join(dir, 'data');
    writeFileSync(notADirectory, '');
    const open = () => openSqliteLedger({ file: join(notADirectory, 'ledger.sqlite') });
    expect(open).toThrow(ConfigError);
    expect(open).toThrow(
      /^cannot open the ledger database .*: EEXIST.*To resolve, make sure DATA_DIR is a writable directory\.$/,
    );
  });
});
