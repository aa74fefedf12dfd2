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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../validation/instant.validators';
import { TICKET_PATTERN } from '../round-ids';

/** What an officer or approver may ask of a round through POST /rounds/:id/actions. */
export const ROUND_ACTIONS = [
  'approvePostTable',
  'reviewQualifications',
  'drawShortlist',
  'rankPosts',
  'resolveTie',
  'advanceCandidates',
  'substitute',
  'closeRound',
] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ticketMessage = { message: 'each ticket must be a 准考证号 of 1 to 20 letters, digits or hyphens' };

export class QualificationDecisionDto {
  @ApiProperty({ example: '2024450010101' })
  @Matches(TICKET_PATTERN, ticketMessage)
  ticket!: string;

  @ApiProperty({ enum: ['pass', 'fail'] })
  @IsIn(['pass', 'fail'])
  outcome!: 'pass' | 'fail';

  @ApiPropertyOptional({ example: '学历不符合职位要求' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class RoundActionDto {
  @ApiProperty({ enum: ROUND_ACTIONS, example: 'reviewQualifications' })
  @IsIn(ROUND_ACTIONS)
  action!: RoundAction;

  @ApiPropertyOptional({
    type: [QualificationDecisionDto],
    description: 'reviewQualifications: a page of up to 1,000 decisions',
  })
  @ValidateIf((dto: RoundActionDto) => dto.action === 'reviewQualifications')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => QualificationDecisionDto)
  decisions?: QualificationDecisionDto[];

  @ApiPropertyOptional({ example: ['45001'], description: 'drawShortlist, rankPosts: these posts only' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(TICKET_PATTERN, { each: true, message: 'each post code must be 1 to 20 letters, digits or hyphens' })
  postCodes?: string[];

  @ApiPropertyOptional({ example: '45001', description: 'resolveTie, advanceCandidates, substitute: the post' })
  @ValidateIf((dto: RoundActionDto) => ['resolveTie', 'advanceCandidates', 'substitute'].includes(dto.action))
  @Matches(TICKET_PATTERN, { message: 'postCode must be 1 to 20 letters, digits or hyphens' })
  postCode?: string;

  @ApiPropertyOptional({ description: 'resolveTie: the tied applicants in the order decided' })
  @ValidateIf((dto: RoundActionDto) => dto.action === 'resolveTie')
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(100)
  @Matches(TICKET_PATTERN, { each: true, ...ticketMessage })
  order?: string[];

  @ApiPropertyOptional({
    description: 'advanceCandidates: these applicants; default every one ranked within the places',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(TICKET_PATTERN, { each: true, ...ticketMessage })
  tickets?: string[];

  @ApiPropertyOptional({ example: 'gwy-2024-1-2024450010101', description: 'substitute: the case of the drop-out' })
  @ValidateIf((dto: RoundActionDto) => dto.action === 'substitute')
  @Matches(CASE_ID, { message: 'caseId must be a case id' })
  caseId?: string;

  @ApiPropertyOptional({ example: '体检不合格，依公告递补', description: 'Why; required to resolve a tie and to 递补' })
  @ValidateIf((dto: RoundActionDto) => ['resolveTie', 'substitute'].includes(dto.action) || dto.reason !== undefined)
  @IsString()
  @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({ example: '2024-05-20T10:00:00+08:00' })
  @IsInstant()
  occurredAt?: string;
}
