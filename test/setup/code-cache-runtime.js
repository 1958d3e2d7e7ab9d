/**
 * jest's module runtime, with a V8 code cache shared by the test files a worker runs.
 *
 * jest gives every test file its own module registry (the isolation we keep: every file loads
 * lib/, cdk8s and the rest afresh and runs their top-level code again), and compiles every module
 * again for it: with ~400 modules per file (lib/, imports/, cdk8s, yaml, re2js, and jest's own
 * expect and circus, which run inside the test's context) compiling was about 40% of the time of
 * a test file that imports lib/. Here a module is compiled as a script (`vm.Script`, with the
 * CommonJS wrapper jest 26 used) so that V8 can serialize its compiled code after the first test
 * file ran it (the functions it called included, which `vm.compileFunction` cannot give), and every
 * later test file in the worker starts from that code instead of parsing and compiling again. The
 * module's code still runs afresh in each test file's context: only V8's compiled code is reused.
 *
 * The cache is in memory, per worker, keyed by the file name and the transformed source (the same
 * string while jest's in-memory transform cache holds it): nothing is written to disk, so a cold
 * run (CI) gains from its second test file on. If V8 rejects cached code, it compiles the module
 * afresh; a module that does not compile as a script is compiled the way jest compiles it (and
 * its syntax error reported the way jest reports it).
 *
 * Two more per-file costs of jest are cut here: module sources are read from disk once per worker
 * (while their size and mtime are unchanged), and the AsyncLocalStorage that jest-circus creates
 * for each test file is disabled when the file ends (see below).
 */
'use strict';
const fs = require('fs');
const vm = require('vm');
const Runtime = require('jest-runtime').default;

/** filename -> { source, data?: Buffer, script?: vm.Script (until its code is serialized) } */
const codeCache = new Map();
/** scripts compiled without cached code: serialized when their test file ends */
const toSerialize = [];
/** filename -> { mtimeMs, size, text }: module sources read by an earlier test file of the worker */
const sources = new Map();

class CodeCacheRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    const environment = this._environment;
    // the internals this relies on (jest-runtime 30): without them, compile as jest does
    if (!executor || typeof executor.compile !== 'function' || !Array.isArray(executor.injectedModuleParameters)
      || typeof executor.dynamicImport !== 'function' || !environment || typeof environment.getVmContext !== 'function') return;
    this._readSourcesOnce();
    this._disableAsyncLocalStoragesAtTeardown();
    const jestCompile = executor.compile.bind(executor);
    const parameters = executor.injectedModuleParameters.join(',');
    executor.compile = (source, filename) => {
      const context = environment.getVmContext();
      if (context == null) return null;
      if (executor.resolution.isCoreModule(filename)) return jestCompile(source, filename);
      const cached = codeCache.get(filename);
      const hit = cached !== undefined && cached.source === source ? cached : undefined;
      let script;
      try {
        // one line: line numbers in stack traces stay those of the transformed source
        script = new vm.Script(`({"Object.<anonymous>":function(${parameters}){${source}\n}});`, {
          filename,
          cachedData: hit?.data,
          importModuleDynamically: (specifier, _script, attributes, ...rest) => executor.dynamicImport(specifier, filename, context, attributes, rest[0]),
        });
      } catch {
        return jestCompile(source, filename); // jest reports the syntax error its own way
      }
      if (!hit || script.cachedDataRejected) {
        const entry = { source, data: undefined, script };
        codeCache.set(filename, entry);
        toSerialize.push(entry);
      }
      return script.runInContext(context)['Object.<anonymous>'];
    };
  }

  /** jest reads every module's source again for every test file: read it once while it is unchanged */
  _readSourcesOnce() {
    const fileCache = this.fileCache;
    if (!fileCache || typeof fileCache.readFile !== 'function' || !(fileCache.strings instanceof Map)) return;
    const jestRead = fileCache.readFile.bind(fileCache);
    fileCache.readFile = (filename) => {
      const known = fileCache.strings.get(filename);
      if (known !== undefined) return known;
      const stat = fs.statSync(filename, { throwIfNoEntry: false });
      if (!stat) return jestRead(filename);
      const read = sources.get(filename);
      if (read && read.mtimeMs === stat.mtimeMs && read.size === stat.size) {
        fileCache.strings.set(filename, read.text);
        return read.text;
      }
      const text = jestRead(filename);
      sources.set(filename, { mtimeMs: stat.mtimeMs, size: stat.size, text });
      return text;
    };
  }

  /**
   * Each test file's jest-circus creates an AsyncLocalStorage that stays enabled when the file is
   * done, and Node 20 propagates every enabled storage into every new promise: by the 55th test
   * file of a worker, each promise cost about 5 times what it did in the first. The storages
   * created by a test file's modules are disabled when it ends.
   */
  _disableAsyncLocalStoragesAtTeardown() {
    const core = this.coreModule;
    if (!core || typeof core.require !== 'function') return;
    const storages = (this._asyncLocalStorages = []);
    const jestRequire = core.require.bind(core);
    let tracked;
    core.require = (name) => {
      const required = jestRequire(name);
      if (name !== 'async_hooks' && name !== 'node:async_hooks') return required;
      if (!tracked) {
        class AsyncLocalStorage extends required.AsyncLocalStorage {
          constructor(...args) {
            super(...args);
            storages.push(this);
          }
        }
        tracked = Object.freeze({ ...required, AsyncLocalStorage });
      }
      return tracked;
    };
  }

  teardown() {
    for (const storage of this._asyncLocalStorages?.splice(0) ?? []) storage.disable();
    for (const entry of toSerialize.splice(0)) {
      entry.data = entry.script.createCachedData();
      entry.script = undefined;
    }
    return super.teardown();
  }
}

module.exports = CodeCacheRuntime;
module.exports.default = CodeCacheRuntime;
