// Validates every authored entry before the build: names the file and the field of each problem.
//   npm run check:content [-- <folder>]
import { formatProblem } from '../src/lib/check-entry.ts';
import { loadEntries } from '../src/lib/entry-files.ts';

const dir = process.argv[2];
const { entries, problems } = loadEntries(dir);
for (const p of problems) console.error(formatProblem(p));
if (problems.length) {
  console.error(`${problems.length} problem(s) in authored entries`);
  process.exit(1);
}
console.log(`${entries.length} authored entries valid`);
