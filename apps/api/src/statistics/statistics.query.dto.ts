import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsDateOrInstant } from '../validation/instant.validators';
import { CASE_KINDS } from '@talent/domain';

export const STATISTIC_METRICS = [
  'recruited',
  'recruitment_not_hired',
  'recruitment_left_service_early',
  'objections',
  'quota_reserved',
  'quota_released',
  'quota_used',
  'fund_committed_cny',
  'fund_disbursed_cny',
  'fund_released_cny',
  'fund_returned_cny',
  'cooperation_intents',
  'consultants_appointed',
  'agreements_signed',
  'workstations_established',
  'workstations_closed',
  'returning_talents',
  'cases_opened',
] as const;

export const FACTS_PAGE_DEFAULT = 100;
const FACTS_PAGE_MAX = 1000;

export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2023-12-31',
    description: 'The figures as recorded by then: a date means the end of that day in Beijing time',
  })
  @IsDateOrInstant()
  asOf?: string;
}

export class FactsQuery extends AsOfQuery {
  @ApiProperty({ enum: STATISTIC_METRICS, example: 'recruited' })
  @IsIn(STATISTIC_METRICS)
  metric!: (typeof STATISTIC_METRICS)[number];

  @ApiPropertyOptional({ example: 'civil_servant', description: 'A channel, category, type or outcome' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  dimension?: string;

  @ApiPropertyOptional({ description: 'All years up to this one (cumulative figures)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  cumulative?: boolean;

  @ApiPropertyOptional({ default: FACTS_PAGE_DEFAULT, minimum: 1, maximum: FACTS_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FACTS_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}

/** A date alone means "by the end of that day" in the office's time zone. */
export function asOfInstant(asOf: string | undefined): Date | undefined {
  if (asOf === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? new Date(Date.parse(`${asOf}T23:59:59.999+08:00`)) : new Date(asOf);
}

export class StageDurationsQuery {
  @ApiPropertyOptional({ enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: string;
}
