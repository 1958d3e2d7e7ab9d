/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // @marcbachmann/cel-js ships ES modules only: jest's CommonJS runtime needs it transformed (node
  // itself, and the esbuild bundle, require it as it is)
  transform: { '^.+\\.ts$': swc, '/node_modules/@marcbachmann/cel-js/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@marcbachmann/cel-js/)'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/schema-guard.ts'],
  // jest's runtime with V8's compiled code reused across the test files of a worker (see the file)
  runtime: '<rootDir>/test/setup/code-cache-runtime.js',
  // the longest test files first in a cold run (see the file)
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // one worker per core (jest's default leaves one core to its main process, which mostly waits):
  // on 2 cores that is 2 workers instead of 1
  maxWorkers: '100%',
};
