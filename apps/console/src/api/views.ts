/**
 * What the api answers. Its OpenAPI document types requests only (responses carry examples), so
 * the shapes the pages read are written here, next to the generated request types.
 */
export type Role = 'hr_officer' | 'approver' | 'auditor' | 'admin';

export interface SignedInUser {
  id: string;
  role: Role;
  displayName: string;
}

export interface SignInAnswer {
  accessToken: string;
  passwordChangeRequired: boolean;
  user: SignedInUser;
}

export interface PayloadSchema {
  type: 'object';
  properties: Record<string, FieldSchema>;
  required?: string[];
}

export interface FieldSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  enum?: string[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export interface AllowedAction {
  action: string;
  label: string;
  payloadSchema: PayloadSchema;
  reasonRequired: boolean;
}

export interface CaseView {
  caseId: string;
  pipeline: { id: string; version: number; label: string };
  stage: { id: string; label: string; kind: string };
  state: {
    status: 'open' | 'suspended' | 'closed';
    stage: string;
    stageEnteredAt?: string;
    deadlineAt?: string;
    overdue?: boolean;
    noticeEndsAt?: string;
    outcome?: { id: string; result: 'success' | 'failure' };
    opened: { kind: string; channel?: string; subject: { name?: string }; year: number };
    stageSubmittedBy?: { id: string; role: string };
    objection?: { grounds: string; raisedBy: { id: string; role: string }; raisedAt: string };
    quota?: { category: string; status: 'reserved' | 'used' | 'released' };
    subsidy?: {
      committedCny: number;
      paidCny: number;
      instalments: number;
      instalmentsPaid: number;
      clawedBackCny?: number;
    };
  };
  /** A running 公示: its end and the working days left by the office's calendar. */
  /** A running 公示: days left, counted as working days or calendar days, as its stage counts them. */
  notice: { endsAt: string; daysLeft: number; counted: 'working_days' | 'days' } | null;
  allowedActions: AllowedAction[];
}

export interface CaseListItem {
  caseId: string;
  kind: string;
  channel: string | null;
  year: number;
  subjectName: string | null;
  stage: string;
  status: 'open' | 'suspended' | 'closed';
  outcome: string | null;
  overdue: boolean;
  deadlineAt: string | null;
  openedAt: string;
  /** Who moved the case into its current stage: whose work an approver decides on. */
  submittedBy: string | null;
}

export interface CaseList {
  items: CaseListItem[];
  nextCursor: string | null;
}

export interface PipelineSummary {
  id: string;
  version: number;
  label: string;
  stages: { id: string; label: string; kind: string }[];
}

export interface PipelineDefinition {
  id: string;
  version: number;
  label: string;
  initialStage: string;
  /** The stages in the order a case passes through them. */
  stageOrder: string[];
  stages: Record<
    string,
    {
      label: string;
      kind: string;
      actions: Record<string, { label: string; roles: Role[]; payloadSchema: PayloadSchema }>;
    }
  >;
  outcomes: Record<string, { label: string }>;
}

export interface HistoryEvent {
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string } | null;
  reason: string | null;
  data: Record<string, unknown>;
  hash: string;
}

export interface CaseHistory {
  caseId: string;
  events: HistoryEvent[];
}

export interface StreamVerification {
  eventsVerified: number;
  valid: boolean;
  firstBrokenLink?: { version?: number; problem?: string };
}
