import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitTitle } from '../../src/lib/title.ts';

test('the suffix is dropped before the main part is cut', () => {
  assert.equal(fitTitle('08006 connection_failure', ' — PostgreSQL error'), '08006 connection_failure — PostgreSQL error');
  assert.equal(fitTitle('x'.repeat(60), ' — PostgreSQL error'), 'x'.repeat(60));
  assert.equal(fitTitle('y'.repeat(80), ' — s').length, 70);
});
