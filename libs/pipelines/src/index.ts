export { PipelineRegistry, builtInPipelines } from './pipeline-registry';
export type { PipelineSelector } from './pipeline-registry';
export { validatePipeline, PipelineDefinitionError } from './pipeline-validation';
export { payloadProblems } from './payload-validation';
export { INHERITED_NAMES, ownValue } from './own-value';
