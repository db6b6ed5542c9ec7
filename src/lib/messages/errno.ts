// The operating-system text at the end of a %m message picks the SQLSTATE: the server maps errno
// to a code in errcode_for_file_access() and its socket and shared-memory siblings (elog.c,
// dsm_impl.c), and prints strerror(errno) for %m. The texts below are glibc's strerror() texts,
// what a PostgreSQL server on Linux prints in English.
export const OS_TEXTS: Record<string, string> = {
  EPERM: 'Operation not permitted',
  EACCES: 'Permission denied',
  EROFS: 'Read-only file system',
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  ENOSPC: 'No space left on device',
  ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files',
  EIO: 'Input/output error',
  ENOMEM: 'Cannot allocate memory',
  ENAMETOOLONG: 'File name too long',
  EFBIG: 'File too large',
  EPIPE: 'Broken pipe',
  ECONNRESET: 'Connection reset by peer',
  ECONNABORTED: 'Software caused connection abort',
  EHOSTDOWN: 'Host is down',
  EHOSTUNREACH: 'No route to host',
  ENETDOWN: 'Network is down',
  ENETRESET: 'Network dropped connection on reset',
  ENETUNREACH: 'Network is unreachable',
  ETIMEDOUT: 'Connection timed out',
};

export type ErrnoHow = 'file-errno' | 'socket-errno' | 'dsm-errno';
/** errno -> SQLSTATE per family, for the newest major (the mapping only grows: see errno.json). */
export type ErrnoMap = Record<'file' | 'socket' | 'dsm', Record<string, string>>;

export const isErrnoHow = (how: string): how is ErrnoHow => how === 'file-errno' || how === 'socket-errno' || how === 'dsm-errno';

export interface OsError {
  errno: string;
  text: string;
  code: string;
}

/** The OS error named in a message and the code it gives, or null when the text names none. */
export function osErrorIn(message: string, how: ErrnoHow, map: ErrnoMap): OsError | null {
  const lower = message.toLowerCase();
  // Longest first: "Too many open files in system" is ENFILE, not EMFILE.
  const named = Object.entries(OS_TEXTS).sort((a, b) => b[1].length - a[1].length).find(([, text]) => lower.includes(text.toLowerCase()));
  if (!named) return null;
  const [errno, text] = named;
  const family = how === 'socket-errno' ? 'socket' : how === 'dsm-errno' ? 'dsm' : 'file';
  let code = map[family][errno] ?? map[family].default ?? map[family].other;
  if (code === 'file') code = map.file[errno] ?? map.file.default;
  return code ? { errno, text, code } : null;
}
