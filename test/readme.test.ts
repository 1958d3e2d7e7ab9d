import * as fs from 'fs';
import * as path from 'path';
import { CHECKS } from '../lib/analysis/codes';
import { REPO_ROOT } from './util/tree';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

test('the README lists every check with its code, name and severity', () => {
  for (const c of Object.values(CHECKS)) {
    expect({ code: c.code, listed: readme.includes(`| \`${c.code}\` | ${c.name} | ${c.severity} |`) }).toEqual({ code: c.code, listed: true });
  }
});

test('the README quick start and CI run the same test command', () => {
  const ci = fs.readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');
  expect(readme).toMatch(/npm ci && npm run synth/);
  expect(readme).toMatch(/\nnpm test\s/);
  expect(ci).toMatch(/\nnpm ci\b/);
  expect(ci).toMatch(/\nnpm test\n/);
});
