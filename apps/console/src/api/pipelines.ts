import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { PipelineDefinition, PipelineSummary } from './views';

export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines'],
    queryFn: () => call<{ items: PipelineSummary[] }>(() => api.GET('/pipelines')),
    staleTime: Infinity,
  });
}

/** The Chinese label of a stage id; the list's items carry the id only. */
export function useStageLabels(): (stageId: string) => string {
  const pipelines = usePipelines().data?.items ?? [];
  const labels = new Map(pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage.label])));
  return (stageId) => labels.get(stageId) ?? '—';
}

export function usePipeline(id: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ['pipeline', id, version],
    enabled: id !== undefined && version !== undefined,
    queryFn: () =>
      call<PipelineDefinition>(() =>
        api.GET('/pipelines/{id}/versions/{version}', { params: { path: { id: id!, version: version! } } }),
      ),
    staleTime: Infinity,
  });
}
