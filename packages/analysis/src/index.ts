/**
 * @calico-dsl/analysis — exhaustive answers over every flow of a Calico world: search, lint,
 * diff and class-compressed matrices, each proved on cells whose representatives the evaluator
 * decides.
 */
export { analyze } from './analyze.js';
export { complementSpaces } from './complement.js';
export { addressesText, changeText, regionText } from './describe.js';
export { diff } from './diff.js';
export { AnalysisInputError } from './errors.js';
export type {
  Analysis,
  Change,
  ClassMatrix,
  DiffResult,
  EndpointQuery,
  FlowRegion,
  FlowSpace,
  IcmpChange,
  LintCode,
  LintFinding,
  SearchOptions,
  SearchResult,
  ViaChange,
} from './types.js';
