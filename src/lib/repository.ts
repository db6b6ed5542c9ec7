// Edit and report links for an entry, when the site knows its repository: REPOSITORY_URL at build
// time (a GitHub or GitLab project URL such as https://github.com/org/pg-errors), REPOSITORY_BRANCH
// for the branch (main by default). Without REPOSITORY_URL the page shows no such links.
import { isAbsolute, relative } from 'node:path';

export interface RepositoryLinks {
  edit: string;
  report: string;
}

export function repositoryLinks(
  file: string,
  code: string,
  env: { REPOSITORY_URL?: string; REPOSITORY_BRANCH?: string } = process.env,
): RepositoryLinks | undefined {
  const base = env.REPOSITORY_URL?.trim().replace(/\/+$/, '');
  if (!base || !file) return undefined;
  if (!/^https:\/\/[^/]+\/[^/]+\/[^/]+/.test(base)) throw new Error(`REPOSITORY_URL: ${base} is not a https://host/owner/name project URL`);
  const branch = env.REPOSITORY_BRANCH?.trim() || 'main';
  const path = (isAbsolute(file) ? relative(process.cwd(), file) : file).replace(/^\.?\//, '');
  const gitlab = new URL(base).hostname.includes('gitlab');
  const title = encodeURIComponent(`${code}: `);
  const body = encodeURIComponent(`Page: /errors/${code}/\nFile: ${path}\n\nWhat is wrong, and how you know:\n`);
  return gitlab
    ? { edit: `${base}/-/edit/${branch}/${path}`, report: `${base}/-/issues/new?issue[title]=${title}&issue[description]=${body}` }
    : { edit: `${base}/edit/${branch}/${path}`, report: `${base}/issues/new?title=${title}&body=${body}` };
}
