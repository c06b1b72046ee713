/**
 * @calico-dsl/calicoctl: a typed, shell-free calicoctl wrapper. Each call builds a command
 * (`{ bin, args, stdin, env }`) that a `Runner` executes; output is parsed into results or a
 * `CalicoctlError` that accounts for every resource sent.
 *
 * @packageDocumentation
 */

export {
  type Calicoctl,
  type CalicoctlOptions,
  type CallOptions,
  type ChangeResult,
  type CreateOptions,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type DeleteOptions,
  type GetOptions,
  type PatchResult,
} from './api.js';
export {
  type ApplyWithBackupOptions,
  type ApplyWithBackupResult,
  applyWithBackup,
  type Backup,
} from './backup.js';
export { createCalicoctl } from './calicoctl.js';
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
export { createNodeRunner } from './node-runner.js';
export { type ChangeInterpretation, interpretChange } from './output/change-outcome.js';
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
export { calicoctlSays, createFakeRunner, type FakeReply, type FakeRunner } from './testing/fake-runner.js';
