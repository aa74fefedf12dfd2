import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import type { Actor } from '@talent/domain';
import { Allow, APP_CONFIG, type AppConfig, PG_POOL } from '@talent/platform';
import { PipelineRegistry } from '@talent/pipelines';
import { CurrentActor } from '../identity/current-actor.decorator';
import { annualFigures } from '../statistics/annual-figures';
import { FIGURE_READERS } from '../statistics/figure-readers';
import { asOfInstant } from '../statistics/statistics.query.dto';
import { ReportQuery } from './report.query';
import { renderHtml, renderMarkdown } from './annual-report.renderer';
import { ApiYearParam, YearParam } from '../validation/year-param';

@ApiTags('reports')
@Allow(...FIGURE_READERS)
@Controller('reports/annual')
export class ReportsController {
  private readonly stageLabels: Record<string, string>;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    pipelines: PipelineRegistry,
  ) {
    this.stageLabels = Object.fromEntries(
      pipelines.list().flatMap((pipeline) => Object.entries(pipeline.stages).map(([id, stage]) => [id, stage.label])),
    );
  }

  @Get(':year')
  @ApiYearParam()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The annual report (section 一(三) of the office report) in Chinese, as HTML or Markdown' })
  @ApiQuery({ name: 'format', required: false, enum: ['html', 'md'] })
  @ApiProduces('text/html', 'text/markdown')
  async report(
    @YearParam() year: number,
    @Query() query: ReportQuery,
    @CurrentActor() _actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const stats = await annualFigures(this.pool, year, {
      asOf: asOfInstant(query.asOf),
      divisionCode: this.config.DIVISION_CODE,
    });
    const options = { countyName: this.config.COUNTY_NAME, stageLabels: this.stageLabels };
    if (query.format === 'md') {
      response.type('text/markdown; charset=utf-8');
      return renderMarkdown(stats, options);
    }
    response.type('text/html; charset=utf-8');
    return renderHtml(stats, options);
  }
}
