/**
 * jest's test order, with the longest test files first when jest knows no timings.
 *
 * jest starts the test files it has timings for slowest first; without timings (a cold run: CI's
 * fresh clone) it goes by file size, which started the consumer test (a small file that packs the
 * package, type-checks and synthesizes two apps: ~30 s of CPU) a third of the way into the run,
 * and the run waited for it at the end. The files below are the longest, measured on 2 cores;
 * without timings they start first, in this order. A file not listed keeps jest's order, and a
 * renamed one only loses its place.
 */
'use strict';
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const LONGEST_FIRST = [
  'test/consumer/packed-package.test.ts',
  'test/analysis/corpus.test.ts',
  'test/imports.test.ts',
  'test/plugin/cdk8s-cli.test.ts',
  'test/conformance/ways-in.test.ts',
];

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (test) => {
      if (test.duration != null) return LONGEST_FIRST.length;
      const at = LONGEST_FIRST.indexOf(path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/'));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: the others keep jest's order
    return sorted.map((test) => ({ test, rank: rank(test) })).sort((a, b) => a.rank - b.rank).map((e) => e.test);
  }
}

module.exports = LongestFirstSequencer;
