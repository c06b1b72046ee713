/**
 * @calico-dsl/calicoctl: a typed, shell-free calicoctl wrapper. Each call builds a command as data
 * (`Command`: arguments, stdin, how to read the outcome) with pure constructors, and one executor
 * runs it through a `Runner` and turns the outcome into a result or a `CalicoctlError` that
 * accounts for every resource sent. Test helpers live in `@calico-dsl/calicoctl/testing`.
 *
 * @packageDocumentation
 */

export {
  type ApplyWithBackupOptions,
  type ApplyWithBackupResult,
  type Backup,
  type Calicoctl,
  type CalicoctlOptions,
  type CallOptions,
  type CreateOptions,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type DeleteNamedOptions,
  type DeleteOptions,
  type GetOptions,
  type PatchOptions,
} from './api.js';
export { createCalicoctl } from './calicoctl.js';
export type {
  ChangeExpectation,
  ChangeResult,
  Command,
  Expectation,
  PatchExpectation,
  PatchResult,
  ResourcesExpectation,
  VersionExpectation,
} from './commands/command.js';
export {
  applyCommand,
  type ConnectionFlags,
  checkConnectionFlags,
  createCommand,
  deleteCommand,
  deleteNamedCommand,
  getCommand,
  patchCommand,
  replaceCommand,
  validateCommand,
  versionCommand,
} from './commands/constructors.js';
export {
  CALICOCTL_INSTALL_URL,
  type ExecutionContext,
  executeCommand,
  invalidInput,
  type ResultOf,
} from './commands/execute.js';
export { comparableForm, differences, SERVER_SET_METADATA, withoutServerMetadata } from './compare.js';
export {
  DATASTORE_ENV_NAMES,
  type DatastoreEnvName,
  type DatastoreOptions,
  type InheritEnv,
  resolveEnvironment,
  SYSTEM_ENV_NAMES,
} from './environment.js';
export {
  CalicoctlError,
  type CalicoctlErrorCode,
  type CalicoctlErrorDetails,
  type FailedResource,
  formatRef,
  isCalicoctlError,
  type ResourceRef,
  type RollbackReport,
} from './errors.js';
export { checkArgument, type Manifest, type ManifestInput, prepareManifest, refOf } from './input.js';
export { abortRunningCommands, createNodeRunner } from './node-runner.js';
export { type ChangeInterpretation, interpretChange } from './output/change-outcome.js';
export { splitErrorList } from './output/error-list.js';
export {
  type ChangeVerb,
  PAST_TENSE,
  type PartialLine,
  parsePartialLine,
  parseSuccessLine,
  type SuccessLine,
} from './output/messages.js';
export { type CalicoctlVersion, parseVersion, sameCalicoRelease } from './output/version.js';
export { formatPlan, type ListLive, type Plan, type PlanStep, planChanges } from './plan.js';
export type { CalicoctlCommand, RunLimits, Runner, RunOutcome } from './runner.js';
export { checkTimeoutMs, MAX_TIMEOUT_MS } from './timeout.js';
