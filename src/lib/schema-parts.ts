// Field types shared by the entry and reproduction schemas.
import { z } from 'zod';
import { SQLSTATE_RE } from './sqlstate.ts';

export const text = z.string().trim().min(1, 'must not be empty');

export const sqlstateSchema = z.string({
  error: (issue) =>
    typeof issue.input === 'number'
      ? `must be a quoted string such as "08006": unquoted, YAML reads it as the number ${issue.input}`
      : 'must be a SQLSTATE string such as "08006"',
}).regex(SQLSTATE_RE, 'must be five digits or upper-case letters, such as "08006" or "22P02"');
