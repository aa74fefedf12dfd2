export { diagnosticsRoundTrip, noopWorkflow } from './diagnostics.workflow';
export type { RoundTripResult } from './diagnostics.workflow';
export { caseWorkflow, caseViewQuery, caseCommandUpdate, caseOpenedUpdate } from './case.workflow';
export type { CaseWorkflowInput, CaseView } from './case.workflow';
export { annualPlan, planViewQuery, planCommandUpdate, planOpenedUpdate } from './annual-plan.workflow';
export type { AnnualPlanInput, PlanView } from './annual-plan.workflow';
export { roundWorkflow, roundSummaryQuery, roundRequestUpdate, roundAnnouncedUpdate } from './round.workflow';
export type { RoundWorkflowInput } from './round.workflow';
