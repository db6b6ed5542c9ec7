// Checks the catalog against what real servers sent: every message a verified case received must
// be a text the catalog has, for that major, with that SQLSTATE. The data comes from branch
// points, so a back-patched message shows up here until content/catalog-corrections.yaml has it.
import { fixedLength, messagePattern } from './format.ts';

export interface Observation {
  case: string;
  major: string;
  sqlstate: string;
  message: string;
}
interface Row {
  text: string;
  kind: string;
  sqlstate: string;
  majors: string;
}

const MESSAGE_KINDS = new Set(['errmsg', 'errmsg_plural', 'errmsg_internal', 'elog']);
// A format with less fixed text than this ("%s", "%s: %m") fits any message and proves nothing.
const SPECIFIC = 12;

/** One line per observation that the catalog cannot explain. */
export function unexplainedObservations(observations: Observation[], rows: Row[], ignoredCases: string[] = []): string[] {
  const formats = rows
    .filter((r) => MESSAGE_KINDS.has(r.kind) && fixedLength(r.text) >= SPECIFIC)
    .map((r) => ({ r, re: new RegExp(`^${messagePattern(r.text).source}$`, 'iu') }));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const o of observations) {
    const key = `${o.major}\u0000${o.sqlstate}\u0000${o.message}`;
    if (ignoredCases.includes(o.case) || seen.has(key)) continue;
    seen.add(key);
    const fits = formats.filter((f) => f.re.test(o.message));
    if (!fits.length) continue; // a text the server built at run time, or a case's own RAISE text
    const inMajor = fits.filter((f) => f.r.majors.split(',').includes(o.major));
    if (inMajor.some((f) => f.r.sqlstate.split(',').includes(o.sqlstate))) continue;
    out.push(inMajor.length
      ? `${o.case} on ${o.major}: the server sent ${o.sqlstate} "${o.message}", the catalog gives ${[...new Set(inMajor.map((f) => f.r.sqlstate))].join(' or ')} for "${inMajor[0].r.text}"`
      : `${o.case} on ${o.major}: the server sent ${o.sqlstate} "${o.message}", which the catalog has only in ${[...new Set(fits.map((f) => f.r.majors))].join(' / ')} ("${fits[0].r.text}")`);
  }
  return out;
}
