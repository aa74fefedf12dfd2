import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { PostgresEventStore } from '@talent/event-store';
import type { Response } from 'express';
import type { Pool } from 'pg';
import type { Actor } from '@talent/domain';
import { Allow, APP_CONFIG, type AppConfig, PG_POOL } from '@talent/platform';
import { PipelineRegistry } from '@talent/pipelines';
import { CurrentActor } from '../identity/current-actor.decorator';
import { annualFigures } from '../statistics/annual-figures';
import { FIGURE_READERS } from '../statistics/figure-readers';
import { asOfInstant } from '../statistics/statistics.query.dto';
import { ReportEvidenceQuery, ReportQuery } from './report.query';
import { reportEvidence } from './report-evidence';
import { LedgerService } from '../ledger/ledger.service';
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
    private readonly store: PostgresEventStore,
    private readonly ledger: LedgerService,
    pipelines: PipelineRegistry,
  ) {
    this.stageLabels = Object.fromEntries(
      pipelines.list().flatMap((pipeline) => Object.entries(pipeline.stages).map(([id, stage]) => [id, stage.label])),
    );
  }

  @Get(':year/evidence')
  // Every counted event as stored (names in the clear) and a tree head signed on the way: the
  // auditor's, like a case's signed export.
  @Allow('auditor')
  @ApiYearParam()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      "The report's evidence: the ledger's tree head, and every linked figure's facts with their events and " +
      'inclusion proofs: verify offline with npm run audit:verify-export',
  })
  @ApiBadRequestResponse({ description: 'A malformed asOf or consistencyFrom, or consistencyFrom beyond the ledger' })
  @ApiConflictResponse({ description: 'EVENTS_NOT_YET_IN_LEDGER: ask again in a moment' })
  evidence(@YearParam() year: number, @Query() query: ReportEvidenceQuery, @CurrentActor() _actor: Actor) {
    const asOf = asOfInstant(query.asOf);
    return reportEvidence(
      this.pool,
      this.store,
      { year, ...(asOf && { asOf }), divisionCode: this.config.DIVISION_CODE },
      (eventIds) => this.ledger.streamExportLedger(eventIds, query.consistencyFrom),
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
