export { deciderSpecification } from './decider-specification';
export type { Decider } from './decider-specification';
