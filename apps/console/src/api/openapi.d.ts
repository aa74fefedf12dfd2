// Generated from the api's OpenAPI document by `npm run console:types`; do not edit by hand.
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness of the database, the Temporal server and the read models (503 when any is down) */
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with user id and password; returns a short-lived bearer token
     * @description With passwordChangeRequired (an admin set the password), the token is good for POST /auth/password only; every other endpoint answers 403 PASSWORD_CHANGE_REQUIRED.
     */
    post: operations['AuthController_signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who the token or key belongs to, and its role */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change your own password (required after an admin set it); every token issued before stops working */
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Officer accounts, a page at a time in order of id */
    get: operations['UsersController_list'];
    put?: never;
    /** Create an officer account (hr_officer, approver, auditor or admin); they must change the password at first sign-in */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, change the role of, disable or re-enable a user; a new role or disabling ends their sessions */
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/users/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a user's password (a forgotten one); their sessions end, and they must change it at next sign-in */
    post: operations['UsersController_setPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** API clients, a page at a time in order of id; the keys of each at GET /api-clients/:id/keys */
    get: operations['ApiClientsController_list'];
    put?: never;
    /** Register another system, allowed to open and read cases of the kinds granted */
    post: operations['ApiClientsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-clients/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An API client; its keys at GET /api-clients/:id/keys */
    get: operations['ApiClientsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, change the granted case kinds, disable or re-enable an API client */
    patch: operations['ApiClientsController_update'];
    trace?: never;
  };
  '/api-clients/{id}/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An API client's keys, revoked ones included, a page at a time in order of key id; never a key itself */
    get: operations['ApiClientsController_keys'];
    put?: never;
    /** Issue a key: the key itself is in this answer only and is never shown again */
    post: operations['ApiClientsController_issueKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-clients/{id}/keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a key at once; revoking it again changes nothing */
    delete: operations['ApiClientsController_revokeKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/diagnostics/round-trip': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a workflow and an activity on a worker and return what it saw
     * @description Unlike /health, this proves that a worker is polling the task queue and executing work end to end.
     */
    post: operations['DiagnosticsController_roundTrip'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pipelines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every pipeline definition and version: what a case of each kind and channel goes through */
    get: operations['PipelinesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pipelines/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One definition in full: stages, actions with their roles and payload schemas, timers */
    get: operations['PipelinesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cases from the read model, newest first, filtered and paginated by cursor */
    get: operations['CasesController_list'];
    put?: never;
    /**
     * Open a case; a repeated Idempotency-Key or caseId returns the existing case (200)
     * @description With `Prefer: respond-async` (RFC 7240) the case is accepted (202) as soon as the engine holds it, before it is recorded: for batches from other systems. Every check of the request is made before either answer, so an accepted case opens; GET /cases/{id} (the Location) waits for it to open.
     */
    post: operations['CasesController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A case's state, its pipeline version and the actions the caller may take now */
    get: operations['CasesController_view'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take an action: the new state, or the rule that refuses it */
    post: operations['CasesController_act'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/plans/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The year's posts (编制储备) and talent fund: total, reserved, used, committed, disbursed */
    get: operations['PlansController_get'];
    put?: never;
    /** Open a year's plan with its own figures (admin); otherwise it opens with the defaults */
    post: operations['PlansController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rounds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rounds, newest first, filtered and paginated by cursor */
    get: operations['RoundsController_list'];
    put?: never;
    /** Announce a round (公告) with its post table (职位表) */
    post: operations['RoundsController_announce'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rounds/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A round: its terms, posts with counts and figures, and the ranking per post */
    get: operations['RoundsController_view'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rounds/{id}/applicants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of a round's applicants, by post and rank, personal numbers never shown */
    get: operations['RoundsController_applicants'];
    put?: never;
    /** Register one or a list of applicants (报名) */
    post: operations['RoundsController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rounds/{id}/imports/applicants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import the 报名 list from .xlsx: all rows checked first, nothing imported until clean */
    post: operations['RoundsController_importApplicants'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rounds/{id}/imports/scores': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import 笔试, 面试 or 考核 scores from .xlsx, matched by 准考证号 */
    post: operations['RoundsController_importScores'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rounds/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Review a page, shortlist, rank, resolve a tie, send to 体检, 递补, approve or close */
    post: operations['RoundsController_act'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rounds/{id}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a day's 体检 or 考察 results of the round's candidates, each in its own case */
    post: operations['RoundsController_recordResults'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rounds/{id}/exports/notice.txt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The 公示 notice of the proposed hires, ready to publish */
    get: operations['RoundsController_notice'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rounds/{id}/exports/{list}.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A 名单 as .xlsx: interview, physicalExam, inspection, proposedHires */
    get: operations['RoundsController_nameList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statistics/annual/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The year's figures, computed from events and maintained as a read model
     * @description `rounds` sums the recruitment rounds (招录批次) announced for the year, per channel and in total; it is null with `asOf`, since the round read models keep only where each round stands now.
     */
    get: operations['StatisticsController_figures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statistics/annual/{year}/facts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The events behind one figure, a page at a time: trace any number to what it counts */
    get: operations['StatisticsController_facts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statistics/stage-durations/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Time spent per stage (median, p90, max days; cases waiting now): where cases get stuck */
    get: operations['StatisticsController_durations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/annual/{year}/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The report's evidence: the ledger's tree head, and every linked figure's facts with their events and inclusion proofs: verify offline with npm run audit:verify-export */
    get: operations['ReportsController_evidence'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/annual/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The annual report (section 一(三) of the office report) in Chinese, as HTML or Markdown */
    get: operations['ReportsController_report'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/public-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Ed25519 public key that signs tree heads, to pin when verifying them */
    get: operations['LedgerController_publicKey'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/tree-heads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Signed tree heads issued in [from, to), oldest first, a page at a time */
    get: operations['LedgerController_treeHeads'];
    put?: never;
    /** Brings the tree up to date and signs a tree head now, to save outside the office */
    post: operations['LedgerController_issueTreeHead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/tree-heads/latest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest signed tree head: how many events the ledger held, their root, when */
    get: operations['LedgerController_latestTreeHead'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every leaf of the tree beside the event the log holds at its place, under a signed head: verify offline against a saved head with npm run audit:verify-export */
    get: operations['LedgerController_exportLedger'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/proofs/inclusion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Proves an event is leaf leafIndex of the tree of treeSize events (RFC 9162 2.1.3), from its hash */
    get: operations['LedgerController_inclusionProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/proofs/consistency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Proves the tree of `to` events extends the tree of `from` events (RFC 9162 2.1.4) */
    get: operations['LedgerController_consistencyProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every event of a case in order: what, who (and in which role), why, when; with the hash chain */
    get: operations['AuditController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{id}/history/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The case's events exactly as stored, signed (Ed25519), with the ledger's tree head and each event's inclusion proof: verify offline with npm run audit:verify-export */
    get: operations['AuditController_exportHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{id}/history/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recomputes the case's hash chain and names the first broken link, if any */
    get: operations['AuditController_verifyCase'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Verifies every stream of the store and counts the streams and events verified */
    get: operations['AuditController_verifyAll'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/signing-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public key that signs history exports, to pin when verifying them */
    get: operations['AuditController_signingKey'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/refusals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Refused requests (403, 409): who tried what, when, and why it was refused */
    get: operations['AuditController_refusals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    SignInDto: {
      /** @example officer-wang */
      userId: string;
      /** @example a long passphrase of yours */
      password: string;
    };
    ChangeOwnPasswordDto: {
      currentPassword: string;
      /** @description At least 12 characters, not containing the user id */
      newPassword: string;
    };
    CreateUserDto: {
      /** @example officer-wang */
      id: string;
      /** @example 王芳 (人社局) */
      displayName: string;
      /**
       * @example hr_officer
       * @enum {string}
       */
      role: 'hr_officer' | 'approver' | 'auditor' | 'admin';
      /** @description The first password; tell it to the user out of band. It signs in only to choose their own (POST /auth/password). */
      password: string;
    };
    UpdateUserDto: {
      displayName?: string;
      /** @description true ends every session or key of the account at once */
      disabled?: boolean;
      /** @description Why, for the audit trail */
      reason?: string;
      /** @enum {string} */
      role?: 'hr_officer' | 'approver' | 'auditor' | 'admin';
    };
    SetPasswordDto: {
      /** @description At least 12 characters, not containing the user id */
      password: string;
    };
    CreateApiClientDto: {
      /** @example officer-wang */
      id: string;
      /** @example 王芳 (人社局) */
      displayName: string;
      /**
       * @example [
       *       "recruitment"
       *     ]
       */
      caseKinds: ('recruitment' | 'expert_workstation' | 'returning_talent')[];
    };
    UpdateApiClientDto: {
      displayName?: string;
      /** @description true ends every session or key of the account at once */
      disabled?: boolean;
      /** @description Why, for the audit trail */
      reason?: string;
      caseKinds?: ('recruitment' | 'expert_workstation' | 'returning_talent')[];
    };
    IssueApiKeyDto: {
      /**
       * @description What the key is for, to tell keys apart
       * @example hr-system production
       */
      name: string;
    };
    RoundTripRequest: {
      /**
       * @description Echoed back by the worker
       * @example ping
       */
      message?: string;
    };
    SubjectDto: {
      /**
       * @description Candidate, expert, host unit or returning native
       * @example 张三
       */
      name: string;
      /**
       * @example {
       *       "post": "县教育体育局 语文教师",
       *       "township": "勐XX镇"
       *     }
       */
      details?: Record<string, never>;
      /**
       * @description 居民身份证号码 (personal information): stored encrypted, shown masked to all but the handling officer
       * @example 11010519491231002X
       */
      idCardNumber?: string;
      /**
       * @description Mobile number (personal information): stored encrypted, shown masked to all but the handling officer
       * @example 13812345678
       */
      phone?: string;
    };
    OpenCaseDto: {
      /**
       * @example recruitment
       * @enum {string}
       */
      kind: 'recruitment' | 'expert_workstation' | 'returning_talent';
      /**
       * @description Required for recruitment
       * @example civil_servant
       * @enum {string}
       */
      channel?: 'civil_servant' | 'campus_teacher' | 'shortage_talent' | 'high_level_talent';
      /**
       * @description Required for expert_workstation
       * @enum {string}
       */
      workstationType?: 'expert_workstation' | 'academician_workstation' | 'grassroots_research_workstation';
      subject: components['schemas']['SubjectDto'];
      /**
       * @description Plan year the case counts in; defaults to the year it opens
       * @example 2023
       */
      year?: number;
      /**
       * @description When it happened in the office; default now
       * @example 2023-03-01T09:00:00+08:00
       */
      occurredAt?: string;
      /**
       * @description Your own id for the case; generated when omitted
       * @example gwy-2023-0001
       */
      caseId?: string;
    };
    CaseActionDto: {
      /**
       * @description An action of the current stage (see allowedActions of GET /cases/:id), or one of 'withdraw', 'reject', 'raiseObjection' (payload.grounds) and 'resolveObjection' (payload.upheld)
       * @example record
       */
      action: string;
      /**
       * @example {
       *       "outcome": "pass",
       *       "score": 86.5
       *     }
       */
      payload?: Record<string, never>;
      /**
       * @description Why; required to withdraw, reject or resolve an objection
       * @example 考生书面申请放弃
       */
      reason?: string;
      /**
       * @description When it happened in the office; default now
       * @example 2023-05-08T10:00:00+08:00
       */
      occurredAt?: string;
    };
    PlanQuotasDto: {
      /**
       * @description 高层次人才编制储备
       * @example 10
       */
      high_level_talent: number;
      /**
       * @description 紧缺型人才编制储备
       * @example 10
       */
      shortage_talent: number;
    };
    OpenPlanDto: {
      quotas: components['schemas']['PlanQuotasDto'];
      /**
       * @description 人才发展专项资金（元）
       * @example 5000000
       */
      fundCny: number;
    };
    PostDto: {
      /**
       * @description 职位代码
       * @example 45001
       */
      code: string;
      /**
       * @description 招录单位
       * @example 县人力资源和社会保障局
       */
      unit: string;
      /**
       * @description 职位名称
       * @example 一级科员
       */
      title: string;
      /**
       * @description 招录人数
       * @example 2
       */
      places: number;
      /**
       * @description 条件
       * @example 本科及以上，法学类
       */
      conditions?: string;
    };
    WeightsDto: {
      /** @example 50 */
      written: number;
      /** @example 50 */
      interview: number;
    };
    PassMarksDto: Record<string, never>;
    SubstitutionDto: {
      /**
       * @description 每个职位最多递补次数
       * @example 2
       */
      maxPerPost: number;
      /**
       * @description 此环节之后出现的缺额不再递补
       * @example inspection
       * @enum {string}
       */
      untilStage: 'physicalExam' | 'inspection' | 'publicNotice' | 'approval';
    };
    AnnounceRoundDto: {
      /**
       * @description Chosen by the caller; generated when absent
       * @example gwy-2024-1
       */
      roundId?: string;
      /** @example 2024 */
      year: number;
      /**
       * @example civil_servant
       * @enum {string}
       */
      channel: 'civil_servant' | 'campus_teacher' | 'shortage_talent' | 'high_level_talent';
      /** @example 某县2024年考试录用公务员公告 */
      title: string;
      /** @example 2024-03-01 */
      announcedOn: string;
      /** @example 2024-03-05 */
      registrationOpensOn: string;
      /** @example 2024-03-12 */
      registrationClosesOn: string;
      posts: components['schemas']['PostDto'][];
      /**
       * @description 笔试+面试, or 考核 only
       * @example exam
       * @enum {string}
       */
      method: 'exam' | 'assessment';
      /**
       * @description 面试入围比例 1:n
       * @example 3
       */
      shortlistRatio?: number;
      weights?: components['schemas']['WeightsDto'];
      /**
       * @example {
       *       "interview": 60
       *     }
       */
      passMarks?: components['schemas']['PassMarksDto'];
      /**
       * @example [
       *       "higher_written"
       *     ]
       */
      tieRules: ('higher_written' | 'higher_interview')[];
      substitution: components['schemas']['SubstitutionDto'];
      /** @example 2024-03-01T09:00:00+08:00 */
      occurredAt?: string;
    };
    ApplicantDto: {
      /**
       * @description 准考证号
       * @example 2024450010101
       */
      ticket: string;
      /**
       * @description 报考职位代码
       * @example 45001
       */
      postCode: string;
      /**
       * @description 姓名
       * @example 王晓明
       */
      name: string;
      /**
       * @description 性别
       * @enum {string}
       */
      gender: '男' | '女';
      /**
       * @description 身份证号 (encrypted at once)
       * @example 11010519491231002X
       */
      idCardNumber: string;
      /**
       * @description 手机号 (encrypted at once)
       * @example 13800138000
       */
      phone?: string;
      /**
       * @description 出生年月
       * @example 1998-05
       */
      birthMonth?: string;
      /** @example 汉族 */
      ethnicity?: string;
      /** @example 中共党员 */
      politicalStatus?: string;
      /** @example 大学本科 */
      education?: string;
      /** @example 法学学士 */
      degree?: string;
      /** @example 某某大学 */
      school?: string;
      /** @example 法学 */
      major?: string;
      /** @example 无 */
      professionalTitle?: string;
    };
    RegisterApplicantsDto: {
      applicants: components['schemas']['ApplicantDto'][];
      /** @example 2024-03-06T09:00:00+08:00 */
      occurredAt?: string;
    };
    UploadDto: {
      /**
       * Format: binary
       * @description The .xlsx file
       */
      file: string;
      /** @example 2024-03-13T09:00:00+08:00 */
      occurredAt?: string;
    };
    QualificationDecisionDto: {
      /** @example 2024450010101 */
      ticket: string;
      /** @enum {string} */
      outcome: 'pass' | 'fail';
      /** @example 学历不符合职位要求 */
      reason?: string;
    };
    RoundActionDto: {
      /**
       * @example reviewQualifications
       * @enum {string}
       */
      action:
        | 'approvePostTable'
        | 'reviewQualifications'
        | 'drawShortlist'
        | 'rankPosts'
        | 'resolveTie'
        | 'advanceCandidates'
        | 'substitute'
        | 'closeRound';
      /** @description reviewQualifications: a page of up to 1,000 decisions */
      decisions?: components['schemas']['QualificationDecisionDto'][];
      /**
       * @description drawShortlist, rankPosts: these posts only
       * @example [
       *       "45001"
       *     ]
       */
      postCodes?: string[];
      /**
       * @description resolveTie, advanceCandidates, substitute: the post
       * @example 45001
       */
      postCode?: string;
      /** @description resolveTie: the tied applicants in the order decided */
      order?: string[];
      /** @description advanceCandidates: these applicants; default every one ranked within the places */
      tickets?: string[];
      /**
       * @description substitute: the case of the drop-out
       * @example gwy-2024-1-2024450010101
       */
      caseId?: string;
      /**
       * @description Why; required to resolve a tie and to 递补
       * @example 体检不合格，依公告递补
       */
      reason?: string;
      /** @example 2024-05-20T10:00:00+08:00 */
      occurredAt?: string;
    };
    CandidateResultDto: {
      /**
       * @description 准考证号
       * @example 2024101006
       */
      ticket: string;
      /** @enum {string} */
      outcome: 'pass' | 'fail';
      /** @example 血压偏高，建议复检 */
      remarks?: string;
    };
    RecordResultsDto: {
      /**
       * @example physicalExam
       * @enum {string}
       */
      stage: 'physicalExam' | 'inspection';
      results: components['schemas']['CandidateResultDto'][];
      /** @example 2024-06-05T10:00:00+08:00 */
      occurredAt?: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example ok */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example error */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  AuthController_signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignInDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description Too many attempts for this account or from this address */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, api_client, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeOwnPasswordDto'];
      };
    };
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description A malformed limit, or a cursor this api did not give out */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      /** @description The new user */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The id is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description It would leave no active admin */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_setPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetPasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiClientsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description A malformed limit, or a cursor this api did not give out */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiClientsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiClientDto'];
      };
    };
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The id is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiClientsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such API client */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiClientsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateApiClientDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiClientsController_keys: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description A malformed limit, or a cursor this api did not give out */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such API client */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiClientsController_issueKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IssueApiKeyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiClientsController_revokeKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        keyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The client has no such key */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DiagnosticsController_roundTrip: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RoundTripRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No worker completed the round trip in time */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PipelinesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, api_client, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PipelinesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, api_client, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such pipeline or version */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CasesController_list: {
    parameters: {
      query?: {
        kind?: 'recruitment' | 'expert_workstation' | 'returning_talent';
        channel?: 'civil_servant' | 'campus_teacher' | 'shortage_talent' | 'high_level_talent';
        stage?: string;
        /** @description Only cases whose current stage is of this kind in its pipeline (approval: waiting for an approver) */
        stageKind?: 'task' | 'approval' | 'notice' | 'quota' | 'payment' | 'follow_up';
        status?: 'open' | 'suspended' | 'closed';
        year?: number;
        /** @description Only cases whose current stage is past its deadline */
        overdue?: boolean;
        /** @description Only cases the caller handles (经办人): opened by them, or first worked by them */
        mine?: boolean;
        /** @description Part of the subject's name */
        name?: string;
        /** @description Only cases whose current stage falls due before this instant (ISO 8601 with offset) */
        dueBefore?: string;
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, api_client */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CasesController_open: {
    parameters: {
      query?: never;
      header: {
        'idempotency-key': string;
        /** @description respond-async: answer 202 once the case is accepted, without waiting for it to be recorded */
        prefer?: string;
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenCaseDto'];
      };
    };
    responses: {
      /** @description The case this key or id already opened */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description The new case, at its first stage */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description Prefer: respond-async. The case is accepted and will open: the engine holds it durably and every check of the request has passed. It is not yet recorded, so it is not yet in the case list; GET the Location for its view. A retry while it is being opened is answered 202 again; once it is recorded, 200 with the view. */
      202: {
        headers: {
          /** @description The case: /cases/{caseId} */
          Location?: string;
          /** @description respond-async */
          'Preference-Applied'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            caseId: string;
            /** @enum {boolean} */
            accepted: true;
            /** @enum {boolean} */
            recorded: false;
            location: string;
          };
        };
      };
      /** @description A field is missing or malformed */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, api_client */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The key or id belongs to a case with other details */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CasesController_view: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, api_client */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such case */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The case did not answer within 10 s: accepted (202) and not yet open, or the engine is busy */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CasesController_act: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CaseActionDto'];
      };
    };
    responses: {
      /** @description The case after the action */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description The payload does not fit the action */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description The role may not take it, or the approver submitted the case
       *
       *     Allowed roles: hr_officer, approver
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such case */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not allowed now: the stage does not accept it, the case is closed or suspended */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description occurredAt is in the future or too far back */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PlansController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The year has no plan yet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PlansController_open: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenPlanDto'];
      };
    };
    responses: {
      /** @description The opened plan */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The year already has a plan */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RoundsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        year?: number;
        channel?: 'civil_servant' | 'campus_teacher' | 'shortage_talent' | 'high_level_talent';
        status?: 'announced' | 'approved' | 'closed';
        /** @description Part of the round's 公告 title or of its id */
        text?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RoundsController_announce: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnnounceRoundDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The round id is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The terms break a rule (weights, ratio, duplicate post codes …) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RoundsController_view: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such round */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RoundsController_applicants: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        postCode?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RoundsController_register: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterApplicantsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RoundsController_importApplicants: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['UploadDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The rows and columns that are wrong */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  RoundsController_importScores: {
    parameters: {
      query: {
        /** @description 笔试, 面试 or 考核 */
        exam: 'written' | 'interview' | 'assessment';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['UploadDto'];
      };
    };
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The rows and columns that are wrong */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  RoundsController_act: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RoundActionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description The role may not, or the approver announced the round
       *
       *     Allowed roles: hr_officer, approver
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A rule refuses it now (not shortlisted yet, 递补 limit reached …) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RoundsController_recordResults: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordResultsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Lines that are not candidates at that stage; nothing was recorded */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RoundsController_notice: {
    parameters: {
      query?: {
        /** @description First day of the 公示; default today */
        startsOn?: string;
        contact?: string;
        office?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RoundsController_nameList: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        list: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatisticsController_figures: {
    parameters: {
      query?: {
        /** @description The figures as recorded by then: a date means the end of that day in Beijing time */
        asOf?: string;
      };
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatisticsController_facts: {
    parameters: {
      query: {
        /** @description The figures as recorded by then: a date means the end of that day in Beijing time */
        asOf?: string;
        metric:
          | 'recruited'
          | 'recruitment_not_hired'
          | 'recruitment_left_service_early'
          | 'objections'
          | 'quota_reserved'
          | 'quota_released'
          | 'quota_used'
          | 'fund_committed_cny'
          | 'fund_disbursed_cny'
          | 'fund_released_cny'
          | 'fund_returned_cny'
          | 'cooperation_intents'
          | 'consultants_appointed'
          | 'agreements_signed'
          | 'workstations_established'
          | 'workstations_closed'
          | 'returning_talents'
          | 'cases_opened';
        /** @description A channel, category, type or outcome */
        dimension?: string;
        /** @description All years up to this one (cumulative figures) */
        cumulative?: boolean;
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description A malformed query, or a cursor this api did not give out */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatisticsController_durations: {
    parameters: {
      query?: {
        kind?: 'recruitment' | 'expert_workstation' | 'returning_talent';
      };
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReportsController_evidence: {
    parameters: {
      query?: {
        /** @description The figures as recorded by then: a date means the end of that day in Beijing time */
        asOf?: string;
        /** @description The size of a tree head saved earlier: the evidence then carries the consistency proof from it */
        consistencyFrom?: number;
      };
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A malformed asOf or consistencyFrom, or consistencyFrom beyond the ledger */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description EVENTS_NOT_YET_IN_LEDGER: ask again in a moment */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReportsController_report: {
    parameters: {
      query?: {
        /** @description The figures as recorded by then: a date means the end of that day in Beijing time */
        asOf?: string;
        format?: 'html' | 'md';
      };
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LedgerController_publicKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  LedgerController_treeHeads: {
    parameters: {
      query?: {
        /** @description Heads issued at or after */
        from?: string;
        /** @description Heads issued before */
        to?: string;
        limit?: number;
        /** @description nextCursor of the previous page, with the same filters */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LedgerController_issueTreeHead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LedgerController_latestTreeHead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No tree head has been signed yet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LedgerController_exportLedger: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LedgerController_inclusionProof: {
    parameters: {
      query: {
        /** @description The event to prove */
        eventId: string;
        /** @description The size of a signed tree head the proof is for */
        treeSize: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description TREE_SIZE_BEYOND_LEDGER, EVENT_AFTER_TREE_SIZE, or a malformed field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description EVENT_NOT_IN_LEDGER: no such event, or not in the tree yet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LedgerController_consistencyProof: {
    parameters: {
      query: {
        /** @description The size of the earlier tree head */
        from: number;
        /** @description The size of the later tree head */
        to: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description INVALID_TREE_RANGE, TREE_SIZE_BEYOND_LEDGER, or a malformed field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_history: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such case */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_exportHistory: {
    parameters: {
      query?: {
        /** @description The size of a tree head the auditor saved earlier: the export then carries the consistency proof from it to the head the export is computed at */
        consistencyFrom?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description consistencyFrom is malformed, or larger than the ledger */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such case */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description EVENTS_NOT_YET_IN_LEDGER: export again in a moment */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_verifyCase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_verifyAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_signingKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: hr_officer, approver, auditor, api_client, admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_refusals: {
    parameters: {
      query?: {
        /** @description First office day (UTC+8); default: to */
        from?: string;
        /** @description Last office day; default today */
        to?: string;
        actorId?: string;
        caseId?: string;
        limit?: number;
        /** @description nextCursor of the previous page, with the same filters */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid token or API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Allowed roles: auditor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
