export { deciderSpecification } from './decider-specification';
export type { Decider } from './decider-specification';
export { selfSignedCertificate } from './self-signed-certificate';
export type { CertificatePair } from './self-signed-certificate';
