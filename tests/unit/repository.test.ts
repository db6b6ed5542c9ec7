import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repositoryLinks } from '../../src/lib/repository.ts';

test('edit and report links point at the entry file, only when a repository is configured', () => {
  assert.equal(repositoryLinks('content/errors/23505.yaml', '23505', {}), undefined);
  const gh = repositoryLinks('content/errors/23505.yaml', '23505', { REPOSITORY_URL: 'https://github.com/org/pg-errors/' })!;
  assert.equal(gh.edit, 'https://github.com/org/pg-errors/edit/main/content/errors/23505.yaml');
  assert.match(gh.report, /^https:\/\/github\.com\/org\/pg-errors\/issues\/new\?title=23505%3A%20&body=Page%3A%20%2Ferrors%2F23505%2F/);
  const gl = repositoryLinks('content/errors/40P01.mdx', '40P01', { REPOSITORY_URL: 'https://gitlab.com/g/p', REPOSITORY_BRANCH: 'trunk' })!;
  assert.equal(gl.edit, 'https://gitlab.com/g/p/-/edit/trunk/content/errors/40P01.mdx');
  assert.throws(() => repositoryLinks('x.yaml', 'X', { REPOSITORY_URL: 'github.com/org' }), /REPOSITORY_URL/);
});
