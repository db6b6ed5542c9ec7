// The sentence above a code's client lines: how the clients were made to meet the code, way by way,
// so that a reader knows whether a line is about an error the server sent or a connection lost.
import { casesOfCode, SITUATIONS, type ReachedBy } from './situations.ts';

const PROVENANCE: Record<Exclude<ReachedBy, 'crash' | 'killed'>, (code: string) => string> = {
  raise: (code) => `${code} sent by \`RAISE … USING ERRCODE\`, which a client receives exactly as the real error`,
  real: () => 'the error raised for real',
  connect: () => 'a real failed connection attempt',
};

const FROM_SOURCE = 'lines marked "from source" are read in the client\'s source at the version shown';

/** The intro for `code`, from the ways its cases were run (`hows`: case id → how), on `range` ("PostgreSQL 14.23–18.4"). */
export function clientsIntro(code: string, hows: Record<string, ReachedBy>, range: string): string {
  const [plain, ...more] = casesOfCode(code, Object.keys(hows));
  const how = hows[plain] ?? 'raise';
  const sentences = [how === 'crash'
    ? `Each client waited in a query on ${range} while another backend was killed with SIGKILL (a real crash): ${code} reaches a client only as a WARNING notice just before the connection closes, so there is nothing to catch by code. This is what each raised; ${FROM_SOURCE}, for the lost connection.`
    : how === 'killed'
      ? killedSentence(range)
      : `Each snippet ran in its client against ${range} (${PROVENANCE[how](code)}); ${FROM_SOURCE}.`];
  for (const id of more) if (hows[id] === 'killed') sentences.push(`${SITUATIONS[id] ?? id}: ${killedSentence(range)}`);
  return sentences.join(' ');
}

const killedSentence = (range: string) =>
  `each client waited in a query on ${range} while its own backend was killed with SIGKILL, the postmaster held still so that it could warn no one. The server sent nothing: a code a client shows there is its own, and there is nothing to catch by a server code.`;
