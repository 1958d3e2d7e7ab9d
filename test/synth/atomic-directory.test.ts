import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { replaceDirectory } from '../../lib/synth/atomic-directory';

import { readTree as tree } from '../util/tree';

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-')); });
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('replaces the folder with exactly the given files, nested folders included', () => {
  // GIVEN an existing folder with a stale file
  const out = path.join(tmp, 'dist');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, 'stale.yaml'), 'old');

  // WHEN
  replaceDirectory(out, new Map([['a.k8s.yaml', 'a'], ['scenarios/x/x.k8s.yaml', 'x']]));

  // THEN the stale file is gone and no staging folder is left behind
  expect(tree(out)).toEqual({ 'a.k8s.yaml': 'a', [path.join('scenarios', 'x', 'x.k8s.yaml')]: 'x' });
  expect(fs.readdirSync(tmp)).toEqual(['dist']);
});

test('fails without touching the previous folder when a file cannot be written', () => {
  // GIVEN
  const out = path.join(tmp, 'dist');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, 'keep.yaml'), 'previous');

  // WHEN a file path collides with a folder path, writing fails half-way
  expect(() => replaceDirectory(out, new Map([['a/b.yaml', '1'], ['a', '2']]))).toThrow();

  // THEN the previous output is exactly as it was, and no staging folder is left
  expect(tree(out)).toEqual({ 'keep.yaml': 'previous' });
  expect(fs.readdirSync(tmp)).toEqual(['dist']);
});
