// Runs every case on every major: one shared server per major (started in parallel) runs the
// cases one after another, since a case may look for its sessions by application_name across the
// whole server; cases with server settings that cannot be set per database, or with pg_hba.conf
// lines, get a dedicated instance per major, a few at a time alongside.
import { availableParallelism } from 'node:os';
import { codes as catalogCodes, getCode } from '../../src/lib/catalog.ts';
import type { Entry } from '../../src/lib/entry-schema.ts';
import {
  casesOf, expectedOf, judge, reproductionHash, skipReason,
  type CaseResult, type VersionFact,
} from '../../src/lib/verification.ts';
import type { Binaries } from './binaries.ts';
import { runCase, type CaseRun } from './cases.ts';
import { initTemplate, startInstance, type Instance } from './server.ts';
import { controlClient } from './session.ts';
import { versionFacts } from './version-facts.ts';
import type { ClientOutcome } from '../../src/lib/drivers/results.ts';
import { CLIENT_HBA, type ClientCase } from './clients/cases.ts';
import { runClients, runCrashClients } from './clients/run.ts';
import { endsServer } from '../../src/lib/drivers/situations.ts';

export interface MatrixRun {
  cases: Record<string, CaseResult>;
  versionFacts: Record<string, Record<string, VersionFact>>;
  /** Client-side errors of failing cases, keyed "<code> on <major>". */
  notes: Record<string, string[]>;
  /** Each major's pg_settings, for content/catalog/settings.json. */
  settings: Record<string, ServerSetting[]>;
  /** What each real client raised for each client case, per major. */
  clients: { major: number; outcome: ClientOutcome }[];
  /** Client runs that failed as a whole (a probe that crashed), per major. */
  clientFailures: string[];
  /** What each catalog correction's check SQL got, per major: [sqlstate, message] or null for no error. */
  catalogChecks: Record<string, Record<string, [string, string] | null>>;
}

export interface ServerSetting {
  name: string;
  boot_val: string | null;
  unit: string | null;
  context: string;
  vartype: string;
  min_val: string | null;
  max_val: string | null;
}

/** Settings that a database can carry (ALTER DATABASE SET) are applied there; others need a restart or reload. */
const PER_DATABASE_CONTEXTS = new Set(['user', 'superuser']);

function limiter(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export async function runMatrix(
  entries: Entry[], binaries: Binaries[], log: (line: string) => void, clientCases: ClientCase[] = [], catalogChecks: { id: string; sql: string }[] = [],
): Promise<MatrixRun> {
  const run: MatrixRun = { cases: {}, versionFacts: {}, notes: {}, settings: {}, clients: [], clientFailures: [], catalogChecks: {} };
  // The clients run one major at a time: each run already keeps both cores busy.
  const clientsOneAtATime = limiter(1);
  // The entries' reproductions and fix checks, each a case of its own.
  const all = entries.flatMap(casesOf);
  for (const { id, repro: r } of all) {
    run.cases[id] = {
      kind: r.kind,
      hash: reproductionHash(r),
      expected: expectedOf(r),
      runnable: r.kind !== 'manual',
      reason: r.kind === 'manual' ? r.whyNotRunnable : undefined,
      majors: {},
    };
  }
  const dedicated = limiter(Math.max(2, availableParallelism() * 2));
  await Promise.all(binaries.map(async (bin) => {
    const started = Date.now();
    let template: string, shared: Instance;
    try {
      template = await initTemplate(bin);
      shared = await startInstance(bin, template, { hba: CLIENT_HBA });
    } catch (error) {
      // Every case of this major fails, naming why, and the other majors go on.
      const message = `PostgreSQL ${bin.version} did not start: ${(error as Error).message}`;
      log(message);
      for (const c of all) {
        if (c.repro.kind !== 'manual') run.cases[c.id].majors[bin.major] = { pass: false, got: [], error: message };
      }
      return;
    }
    log(`PostgreSQL ${bin.version} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    try {
      const control = await controlClient(shared);
      const settings = (await control.query<ServerSetting>('SELECT name, boot_val, unit, context, vartype, min_val, max_val FROM pg_settings ORDER BY name')).rows;
      run.settings[bin.major] = settings;
      const contexts = new Map(settings.map((r) => [r.name, r.context]));
      // Before the cases, so that a case which ends other sessions cannot end this one.
      let known: Awaited<ReturnType<typeof versionFacts>>;
      try {
        known = await versionFacts(control, catalogCodes);
        // The catalog corrections' checks (content/catalog-corrections.yaml): what this server sends.
        for (const check of catalogChecks) {
          const got = await control.query(check.sql).then(() => null, (e: { code?: string; message: string }) => [e.code ?? '', e.message] as [string, string]);
          (run.catalogChecks[check.id] ??= {})[bin.major] = got;
        }
      } finally {
        await control.end();
      }
      for (const [code, fact] of Object.entries(known)) (run.versionFacts[code] ??= {})[bin.major] = fact;
      const cases = all.flatMap(({ id, code, repro }) => {
        if (repro.kind === 'manual') return [];
        const skipped = skipReason(getCode(code), repro, bin.major, bin.version);
        if (skipped) {
          run.cases[id].majors[bin.major] = { skipped };
          return [];
        }
        const settings = Object.fromEntries(Object.entries(repro.server?.settings ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const own = Boolean(repro.server?.hba.length) || repro.server?.hbaCatchAll === false
          || Object.keys(settings).some((k) => !PER_DATABASE_CONTEXTS.has(contexts.get(k) ?? ''));
        const finish = (result: CaseRun) => {
          const pass = !result.error && judge(run.cases[id].expected, result.got);
          run.cases[id].majors[bin.major] = { pass, got: result.got, error: result.error };
          if (!pass && result.clientErrors.length) run.notes[`${id} on ${bin.major}`] = result.clientErrors;
        };
        const failed = (what: string) => (error: Error): CaseRun => ({ got: [], error: `${what}: ${error.message}`, clientErrors: [] });
        return [{ code: id, repro, settings, own, finish, failed }];
      });
      // Cases with their own instance start first, a few at a time, alongside the shared ones.
      const jobs = cases.filter((c) => c.own).map((c) => dedicated(async () => {
        const options = { settings: c.settings, hba: c.repro.server?.hba, catchAll: c.repro.server?.hbaCatchAll };
        const instance = await startInstance(bin, template, options).catch(c.failed('its own server did not start'));
        if (!('port' in instance)) return c.finish(instance);
        c.finish(await runCase(c.code, c.repro, instance, {}, false).catch(c.failed('the runner failed')));
        await instance.stop();
      }));
      for (const c of cases.filter((c) => !c.own)) {
        c.finish(await runCase(c.code, c.repro, shared, c.settings, true).catch(c.failed('the runner failed')));
      }
      await Promise.all(jobs);
      if (clientCases.length) {
        await clientsOneAtATime(async () => {
          const conn = { host: '127.0.0.1', port: shared.port, user: 'postgres', password: shared.password, dbname: 'postgres' };
          const clientStarted = Date.now();
          try {
            for (const outcome of await runClients(conn, clientCases)) run.clients.push({ major: bin.major, outcome });
            if (clientCases.some((c) => endsServer(c.how))) {
              // A crash ends every session on its server: a server of its own, after the others.
              const crashing = await startInstance(bin, template, { settings: { restart_after_crash: 'on' } });
              try {
                const own = { ...conn, port: crashing.port, password: crashing.password };
                for (const outcome of await runCrashClients(own, crashing.pid, clientCases)) run.clients.push({ major: bin.major, outcome });
              } finally {
                await crashing.stop();
              }
            }
            log(`PostgreSQL ${bin.version}: clients done in ${((Date.now() - clientStarted) / 1000).toFixed(1)} s`);
          } catch (error) {
            run.clientFailures.push(`PostgreSQL ${bin.version}: ${(error as Error).message}`);
          }
        });
      }
    } finally {
      await shared.stop();
    }
    log(`PostgreSQL ${bin.version} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }));
  return run;
}
