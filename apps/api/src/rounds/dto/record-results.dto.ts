import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../validation/instant.validators';
import { TICKET_PATTERN } from '../round-ids';

/** The candidate stages whose results an office records a day at a time. */
export const RESULT_STAGES = ['physicalExam', 'inspection'] as const;
export type ResultStage = (typeof RESULT_STAGES)[number];

export class CandidateResultDto {
  @ApiProperty({ example: '2024101006', description: '准考证号' })
  @Matches(TICKET_PATTERN, { message: 'ticket must be a 准考证号 of 1 to 20 letters, digits or hyphens' })
  ticket!: string;

  @ApiProperty({ enum: ['pass', 'fail'] })
  @IsIn(['pass', 'fail'])
  outcome!: 'pass' | 'fail';

  @ApiPropertyOptional({ example: '血压偏高，建议复检' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  remarks?: string;
}

/** A day's 体检 or 考察 results of a round's candidates, each recorded in the candidate's own case. */
export class RecordResultsDto {
  @ApiProperty({ enum: RESULT_STAGES, example: 'physicalExam' })
  @IsIn(RESULT_STAGES)
  stage!: ResultStage;

  @ApiProperty({ type: [CandidateResultDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CandidateResultDto)
  results!: CandidateResultDto[];

  @ApiPropertyOptional({ example: '2024-06-05T10:00:00+08:00' })
  @IsInstant()
  occurredAt?: string;
}
