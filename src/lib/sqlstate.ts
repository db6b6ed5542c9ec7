// SQLSTATE codes as strings: five characters, digits and upper-case letters.
import { z } from 'zod';

export const SQLSTATE_RE = /^[0-9A-Z]{5}$/;

export const sqlstateSchema = z.string({
  error: (issue) =>
    typeof issue.input === 'number'
      ? `must be a quoted string such as "08006": unquoted, YAML reads it as the number ${issue.input}`
      : 'must be a SQLSTATE string such as "08006"',
}).regex(SQLSTATE_RE, 'must be five digits or upper-case letters, such as "08006" or "22P02"');

/** The two-character class of a code: "08" for "08006". */
export const classOf = (code: string) => code.slice(0, 2);
