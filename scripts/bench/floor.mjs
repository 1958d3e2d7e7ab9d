// The floor of `npm run bench -- --scale`: node writing the same YAML documents with the `yaml`
// package from JSON, nothing else. Usage: node scripts/bench/floor.mjs DOCS.json OUT.yaml
import * as fs from 'node:fs';
import { stringify } from 'yaml';

const docs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
fs.writeFileSync(process.argv[3], docs.map((d) => stringify(d)).join('---\n'));
