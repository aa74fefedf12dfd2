import {
  DomainError,
  type CaseKind,
  type PipelineDefinition,
  type RecruitmentChannel,
  type WorkstationType,
} from '@talent/domain';
import {
  campusTeacherPipeline,
  campusTeacherPipelineV2,
  campusTeacherPipelineV3,
} from './definitions/recruitment/campus-teacher.pipeline';
import {
  civilServantPipeline,
  civilServantPipelineV2,
  civilServantPipelineV3,
} from './definitions/recruitment/civil-servant.pipeline';
import {
  highLevelTalentPipeline,
  highLevelTalentPipelineV2,
  highLevelTalentPipelineV3,
  shortageTalentPipeline,
  shortageTalentPipelineV2,
  shortageTalentPipelineV3,
} from './definitions/recruitment/introduced-talent';
import { expertCooperationPipeline } from './definitions/expert-cooperation.pipeline';
import { returningTalentPipeline } from './definitions/returning-talent.pipeline';
import { validatePipeline } from './pipeline-validation';
import { DEFAULT_PUBLIC_NOTICE_TERMS, type PublicNoticeTerms } from './definitions/recruitment/candidate-stages';

export interface PipelineSelector {
  kind: CaseKind;
  channel?: RecruitmentChannel;
  workstationType?: WorkstationType;
}

/**
 * Every definition, each version kept: a case started on version 1 keeps it (it carries the
 * definition itself), and new cases start on the latest version.
 */
export class PipelineRegistry {
  private readonly byKey = new Map<string, PipelineDefinition>();

  constructor(definitions: readonly unknown[]) {
    for (const candidate of definitions) {
      const definition = validatePipeline(candidate);
      const key = `${definition.id}@${definition.version}`;
      if (this.byKey.has(key)) throw new Error(`Pipeline ${key} is defined twice`);
      this.byKey.set(key, definition);
    }
  }

  list(): PipelineDefinition[] {
    return [...this.byKey.values()];
  }

  get(id: string, version: number): PipelineDefinition {
    const definition = this.byKey.get(`${id}@${version}`);
    if (!definition) throw new DomainError('PIPELINE_NOT_FOUND', `No pipeline ${id} version ${version}.`);
    return definition;
  }

  /** The latest version for a case kind and its channel or workstation type. */
  latest(selector: PipelineSelector): PipelineDefinition {
    const matching = this.list().filter(
      (definition) =>
        definition.kind === selector.kind &&
        definition.channel === selector.channel &&
        definition.workstationType === selector.workstationType,
    );
    if (matching.length === 0) {
      const what = selector.channel ?? selector.workstationType ?? '(no channel or type)';
      throw new DomainError('PIPELINE_NOT_FOUND', `No pipeline for ${selector.kind} ${what}.`);
    }
    return matching.reduce((latest, definition) => (definition.version > latest.version ? definition : latest));
  }
}

/** What a county configures about its pipelines. */
export interface PipelineOptions {
  /** 公示 of 事业单位 posts: 7 days or 7 working days. */
  publicNoticeTerms: PublicNoticeTerms;
}

/** The definitions a deployment ships, every version of each, shaped by the county's options. */
export function builtInPipelinesFor(options: PipelineOptions): PipelineDefinition[] {
  const terms = options.publicNoticeTerms;
  return [
    civilServantPipeline,
    campusTeacherPipeline,
    shortageTalentPipeline,
    highLevelTalentPipeline,
    expertCooperationPipeline('expert_workstation'),
    expertCooperationPipeline('academician_workstation'),
    expertCooperationPipeline('grassroots_research_workstation'),
    returningTalentPipeline,
    civilServantPipelineV2,
    campusTeacherPipelineV2(terms),
    shortageTalentPipelineV2(terms),
    highLevelTalentPipelineV2(terms),
    civilServantPipelineV3,
    campusTeacherPipelineV3(terms),
    shortageTalentPipelineV3(terms),
    highLevelTalentPipelineV3(terms),
  ];
}

export const builtInPipelines: readonly PipelineDefinition[] = builtInPipelinesFor({
  publicNoticeTerms: DEFAULT_PUBLIC_NOTICE_TERMS,
});
