import * as fs from 'fs';
import * as path from 'path';
import { checkTable, withGeneratedSections } from '../lib/analysis/check-table';
import { ALL_CHECKS } from '../lib/analysis/registry';
import { REPO_ROOT } from './util/tree';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

test('the README\'s check table and "What is not checked" tables are the ones generated from the registry (npm run docs)', () => {
  expect(withGeneratedSections(readme)).toBe(readme);
});

test('the check table lists every check of the registry, in code order, with its code, name, severity, scope and counterpart', () => {
  const rows = checkTable().split('\n').slice(2);
  expect(rows).toHaveLength(ALL_CHECKS.length);
  ALL_CHECKS.forEach((c, i) => expect(rows[i].startsWith(`| \`${c.code}\` | ${c.name} | ${c.severity} | ${c.scope} | `)).toBe(true));
});

test('the README quick start and CI run the same test command', () => {
  const ci = fs.readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');
  expect(readme).toMatch(/npm ci && npm run synth/);
  expect(readme).toMatch(/\nnpm test\s/);
  expect(ci).toMatch(/\nnpm ci\b/);
  expect(ci).toMatch(/\nnpm test\n/);
});
