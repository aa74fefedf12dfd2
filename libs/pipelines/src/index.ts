export { PipelineRegistry, builtInPipelines, builtInPipelinesFor } from './pipeline-registry';
export type { PipelineOptions, PipelineSelector } from './pipeline-registry';
export {
  DEFAULT_PUBLIC_NOTICE_TERMS,
  PUBLIC_NOTICE_TERMS,
  type PublicNoticeTerms,
} from './definitions/recruitment/candidate-stages';
export { validatePipeline, PipelineDefinitionError } from './pipeline-validation';
export { payloadProblems } from './payload-validation';
export { INHERITED_NAMES, ownValue } from './own-value';
