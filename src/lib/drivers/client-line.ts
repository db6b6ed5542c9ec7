// One line of a code's "In your code": what a client raises for it, run or cited. Its own module so
// that every module that makes lines (lines.ts, orms.ts, lost-connection.ts) depends on it alone.
import type { Snippet } from './snippets.ts';

export interface ClientLine {
  client: string;
  /** "run": recorded from the real client; "cited": read in the client's source. */
  basis: 'run' | 'cited';
  version: string;
  /** Majors this line holds for, when the client behaved differently on others. */
  majors?: number[];
  /** How the reader met the code, for a code met in more than one way (situations.ts). */
  situation?: string;
  snippet?: Snippet;
  /** What the client raises and where the code is, with `backticks` for code. */
  says: string;
  /** What to catch or read, in a few words, for the entry page's list. */
  short: string;
  /** The client's source file, for a cited line. */
  source?: { label: string; url: string };
  /** Further source files the line was read in (an ORM's mapping spans several). */
  moreSources?: { label: string; url: string }[];
}
