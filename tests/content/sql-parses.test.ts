// Every SQL block an entry shows or runs parses with PostgreSQL's own parser (libpg-query, the
// server's grammar compiled to WebAssembly). Deliberately invalid SQL says so with `invalidSql`.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadModule, parsePlPgSQLSync, parseSync } from 'libpg-query';
import { isWholeStatement, sqlBlocks, withoutPsqlCommands } from '../../src/lib/claims/sql-blocks.ts';
import { loadEntries } from '../../src/lib/entry-files.ts';

before(() => loadModule());

test('every SQL block of every entry parses', () => {
  const { entries } = loadEntries();
  const problems: string[] = [];
  let parsed = 0;
  for (const entry of entries) {
    for (const block of sqlBlocks(entry).filter(isWholeStatement)) {
      try {
        const sql = withoutPsqlCommands(block.sql);
        parseSync(sql);
        // PL/pgSQL bodies (DO blocks, LANGUAGE plpgsql functions) go through PL/pgSQL's parser too.
        if (/\bLANGUAGE\s+plpgsql\b|\bDO\s+\$/i.test(sql)) parsePlPgSQLSync(sql);
        parsed++;
      } catch (error) {
        problems.push(`content/errors/${entry.code}: ${block.field}: does not parse: ${(error as Error).message}`);
      }
    }
  }
  assert.deepEqual(problems, [], `${problems.length} SQL block(s) do not parse (mark deliberate ones with invalidSql: <why>)`);
  assert.ok(parsed > 500, `only ${parsed} SQL blocks found: the extraction is broken`);
});

test('the parser check can fail: broken SQL is rejected, psql commands are left out', () => {
  assert.throws(() => parseSync('CREATE TABLE t (order int)'), /syntax error at or near "order"/);
  assert.doesNotThrow(() => parseSync(withoutPsqlCommands('\\set ON_ERROR_STOP on\nSELECT 1;')));
  assert.equal(isWholeStatement({ field: 'x', lang: 'plpgsql', sql: 'IF x THEN RETURN; END IF;' }), false);
  assert.equal(isWholeStatement({ field: 'x', lang: 'plpgsql', sql: '-- a note\nDO $$ BEGIN END $$;' }), true);
});
