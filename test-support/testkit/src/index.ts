/**
 * `@cask/testkit`: everything needed to run the real `codex app-server`
 * offline in tests: the pinned binary, a scripted model stand-in and a
 * throw-away `CODEX_HOME`.
 * @packageDocumentation
 */
export {
  codexAliasPackage,
  codexBinaryPath,
  codexLauncherPath,
  codexPackageInfo,
  CODEX_PACKAGE,
  type CodexReleaseOptions,
} from './binary.js';
export {
  CODEX_RELEASE_FILE,
  parseCodexRelease,
  pinnedRelease,
  readCodexRelease,
  testedReleases,
  type CodexReleaseSource,
} from './release.js';
export {
  startModelStandIn,
  splitIntoChunks,
  type ModelStandIn,
  type RecordedRequest,
  type StandInScript,
  type StandInStep,
  type StandInMessageStep,
  type StandInShellStep,
  type StandInHttpErrorStep,
  type StandInFailedStep,
  type StandInStallStep,
  type StandInRawStep,
} from './model-standin.js';
export {
  createCodexHome,
  STANDIN_PROVIDER_ID,
  STANDIN_API_KEY_ENV,
  type CodexHome,
  type CodexHomeOptions,
} from './codex-home.js';
export { startListeningAppServer, type ListeningAppServer, type ListeningAppServerOptions } from './listen.js';
