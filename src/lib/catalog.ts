// The catalog of every SQLSTATE, from content/catalog/ (written by scripts/import-catalog.ts).
import classesJson from '../../content/catalog/classes.json' with { type: 'json' };
import codesJson from '../../content/catalog/codes.json' with { type: 'json' };
import messagesJson from '../../content/catalog/messages.json' with { type: 'json' };

export interface CatalogCode {
  code: string;
  name: string;
  classCode: string;
  type: 'error' | 'warning' | 'success';
  macros: string[];
  /** First major whose errcodes.txt has it; "<=13" when already in the oldest file checked. */
  since: string;
  removedIn: string | null;
  /** The releases whose errcodes.txt lists it. */
  inReleases: string[];
}
export interface CatalogClass {
  code: string;
  name: string;
}
export interface ServerMessage {
  code: string;
  text: string;
  file: string;
}

export const releasesChecked: string[] = codesJson.releases;
export const codes = codesJson.codes as CatalogCode[];
export const classes: CatalogClass[] = classesJson;
export const messagesFrom: string = messagesJson.from;

const byCode = new Map(codes.map((c) => [c.code, c]));
const classByCode = new Map(classes.map((c) => [c.code, c]));
const messagesByCode = Map.groupBy(messagesJson.messages as ServerMessage[], (m) => m.code);

export const hasCode = (code: string) => byCode.has(code);

export function getCode(code: string): CatalogCode {
  const found = byCode.get(code);
  if (!found) throw new Error(`unknown SQLSTATE ${code}`);
  return found;
}

export function getClass(classCode: string): CatalogClass {
  const found = classByCode.get(classCode);
  if (!found) throw new Error(`unknown SQLSTATE class ${classCode}`);
  return found;
}

export const codesInClass = (classCode: string) => codes.filter((c) => c.classCode === classCode);
export const serverMessages = (code: string): ServerMessage[] => messagesByCode.get(code) ?? [];

/**
 * Releases a code arrived in through minor releases, or null. Such a code is listed by a checked
 * release but missing from a newer one although never removed: 22P07 is in 15.20 and 17.12 but
 * not in 18.6, so it came with those minors, and servers older than them do not know it.
 */
export function addedInMinors(code: CatalogCode): string[] | null {
  if (code.removedIn !== null) return null;
  const present = releasesChecked.map((r) => code.inReleases.includes(r));
  const first = present.indexOf(true);
  return present.slice(first).includes(false) ? code.inReleases : null;
}

/** "13 or earlier" for codes already in the oldest file checked, else the major itself. */
export function sinceLabel(code: CatalogCode): string {
  const minors = addedInMinors(code);
  if (minors) return `minor releases ${minors.join(', ')} (not in ${releasesChecked.filter((r) => !minors.includes(r)).join(', ')})`;
  return code.since.startsWith('<=') ? `${code.since.slice(2)} or earlier` : code.since;
}
