import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import type { Actor } from '@talent/domain';
import { Allow, APP_CONFIG, type AppConfig, PG_POOL } from '@talent/platform';
import { decodeFactsCursor, stageDurations, statisticFacts } from '@talent/projections';
import { annualFigures } from './annual-figures';
import { CurrentActor } from '../identity/current-actor.decorator';
import { FIGURE_READERS } from './figure-readers';
import { asOfInstant, AsOfQuery, FACTS_PAGE_DEFAULT, FactsQuery, StageDurationsQuery } from './statistics.query.dto';
import { factsPageExample, roundsExample } from './statistics-examples';
import { ApiYearParam, YearParam } from '../validation/year-param';

@ApiTags('statistics')
@Allow(...FIGURE_READERS)
@Controller('statistics')
export class StatisticsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('annual/:year')
  @ApiYearParam()
  @ApiOperation({
    summary: "The year's figures, computed from events and maintained as a read model",
    description:
      '`rounds` sums the recruitment rounds (招录批次) announced for the year, per channel and in total; ' +
      'it is null with `asOf`, since the round read models keep only where each round stands now.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        year: 2023,
        asOf: null,
        recruitment: {
          recruitedByChannel: { civil_servant: 32, campus_teacher: 8, shortage_talent: 10, high_level_talent: 0 },
          notHiredByOutcome: { rejected: 4, withdrawn: 3, disqualified: 1, appointmentCancelled: 0 },
          leftServiceEarlyByChannel: { shortage_talent: 0, high_level_talent: 0 },
          objections: 2,
        },
        rounds: { year: 2023, byChannel: { civil_servant: roundsExample }, total: roundsExample },
        expertCooperation: {
          cooperationIntents: 11,
          consultantsAppointed: 6,
          agreementsSigned: 5,
          workstationsEstablished: {
            expert_workstation: 12,
            academician_workstation: 0,
            grassroots_research_workstation: 0,
          },
        },
      },
    },
  })
  figures(@YearParam() year: number, @Query() query: AsOfQuery, @CurrentActor() _actor: Actor) {
    return annualFigures(this.pool, year, {
      asOf: asOfInstant(query.asOf),
      divisionCode: this.config.DIVISION_CODE,
    });
  }

  @Get('annual/:year/facts')
  @ApiYearParam()
  @ApiOperation({ summary: 'The events behind one figure, a page at a time: trace any number to what it counts' })
  @ApiOkResponse({ schema: { example: factsPageExample } })
  @ApiBadRequestResponse({ description: 'A malformed query, or a cursor this api did not give out' })
  async facts(@YearParam() year: number, @Query() query: FactsQuery, @CurrentActor() _actor: Actor) {
    const after = query.cursor === undefined ? undefined : decodeFactsCursor(query.cursor);
    if (query.cursor !== undefined && !after) throw new BadRequestException(['cursor is not one this api gave out']);
    return statisticFacts(
      this.pool,
      {
        year,
        metric: query.metric,
        ...(query.dimension && { dimension: query.dimension }),
        ...(query.cumulative && { cumulative: true }),
        ...(query.asOf && { asOf: asOfInstant(query.asOf) }),
      },
      { limit: query.limit ?? FACTS_PAGE_DEFAULT, ...(after && { after }) },
    );
  }

  @Get('stage-durations/:year')
  @ApiYearParam()
  @ApiOperation({ summary: 'Time spent per stage (median, p90, max days; cases waiting now): where cases get stuck' })
  durations(@YearParam() year: number, @Query() query: StageDurationsQuery, @CurrentActor() _actor: Actor) {
    return stageDurations(this.pool, year, query.kind);
  }
}
