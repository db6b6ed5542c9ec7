// Asks a running server which of the catalog's conditions it knows. PL/pgSQL's table of condition
// names is generated from the server's own errcodes.txt, so
//   DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '<code>'; EXCEPTION WHEN <name> THEN NULL; END $$
// succeeds exactly when that server has <name> for <code>. It also handles names shared by two
// codes (string_data_right_truncation is 01004 and 22001): WHEN matches every code of a name.
// RAISE with a bare SQLSTATE cannot tell: it accepts any five characters, known or not.
// Success and warning names are left out of that table (they cannot be caught), so for them the
// server cannot tell: null.
import type pg from 'pg';
import type { CatalogCode } from '../../src/lib/catalog.ts';
import type { VersionFact } from '../../src/lib/verification.ts';

export async function versionFacts(control: pg.Client, codes: CatalogCode[]): Promise<Record<string, VersionFact>> {
  const facts: Record<string, VersionFact> = {};
  for (const c of codes) {
    if (c.type !== 'error') {
      facts[c.code] = null;
      continue;
    }
    const sql = `DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '${c.code}'; EXCEPTION WHEN ${c.name} THEN NULL; END $$`;
    try {
      await control.query(sql);
      facts[c.code] = true;
    } catch (error) {
      const e = error as { code?: string; message: string };
      // 42704: the name is unknown; the code itself coming back: the name exists, but not for it.
      if (e.code === '42704' && e.message.startsWith('unrecognized exception condition')) facts[c.code] = false;
      else if (e.code === c.code) facts[c.code] = false;
      else throw new Error(`version check of ${c.code} (${c.name}) failed: ${e.code ?? ''} ${e.message}`);
    }
  }
  return facts;
}
