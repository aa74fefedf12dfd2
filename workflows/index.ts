export { diagnosticsRoundTrip, noopWorkflow } from './diagnostics.workflow';
export type { RoundTripResult } from './diagnostics.workflow';
export { caseWorkflow, caseViewQuery, caseCommandUpdate } from './case.workflow';
export type { CaseWorkflowInput, CaseView } from './case.workflow';
export { annualPlan, planViewQuery, planCommandUpdate } from './annual-plan.workflow';
export type { AnnualPlanInput, PlanView } from './annual-plan.workflow';
