#!/usr/bin/env node
// The `cdk8s-istio` command (see lib/cli/). In the published package it runs the compiled
// JavaScript (build/lib/cli/main.js, written by `npm run build` before `npm pack`). In a checkout
// of the repository, where scripts/build.mjs exists, it runs the current sources instead: esbuild
// bundles lib/cli/main.ts into build/cli.js, again only when a source changed, so a stale build
// is never run.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const root = path.join(__dirname, '..');
const builder = path.join(root, 'scripts', 'build.mjs');

if (fs.existsSync(builder)) {
  import(pathToFileURL(builder).href)
    .then((b) => b.buildCli())
    .then(() => require(path.join(root, 'build', 'cli.js')).run(), (e) => {
      console.error(`cdk8s-istio: cannot bundle the command from the sources (run npm ci first): ${e.message}`);
      process.exitCode = 1;
    });
} else {
  require(path.join(root, 'build', 'lib', 'cli', 'main.js')).run();
}
