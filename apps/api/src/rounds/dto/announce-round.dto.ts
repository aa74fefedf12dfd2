import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  RECRUITMENT_CHANNELS,
  type RecruitmentChannel,
  type RoundMethod,
  SUBSTITUTION_STAGES,
  type SubstitutionStage,
  TIE_RULES,
  type TieRule,
} from '@talent/domain';
import { IsInstant } from '../../validation/instant.validators';
import { ROUND_ID_PATTERN, TICKET_PATTERN } from '../round-ids';

const OFFICE_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PostDto {
  @ApiProperty({ example: '45001', description: '职位代码' })
  @Matches(TICKET_PATTERN, { message: 'code must be 1 to 20 letters, digits or hyphens' })
  code!: string;

  @ApiProperty({ example: '县人力资源和社会保障局', description: '招录单位' })
  @IsString()
  @Length(1, 200)
  unit!: string;

  @ApiProperty({ example: '一级科员', description: '职位名称' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 2, description: '招录人数' })
  @IsInt()
  @Min(1)
  @Max(1000)
  places!: number;

  @ApiPropertyOptional({ example: '本科及以上，法学类', description: '条件' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  conditions?: string;
}

export class WeightsDto {
  @ApiProperty({ example: 50 })
  @IsInt()
  @Min(0)
  @Max(100)
  written!: number;

  @ApiProperty({ example: 50 })
  @IsInt()
  @Min(0)
  @Max(100)
  interview!: number;
}

export class PassMarksDto {
  @IsOptional() @IsNumber() @Min(0) @Max(100) written?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(100) interview?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(100) assessment?: number;
}

export class SubstitutionDto {
  @ApiProperty({ example: 2, description: '每个职位最多递补次数' })
  @IsInt()
  @Min(0)
  @Max(20)
  maxPerPost!: number;

  @ApiProperty({ enum: SUBSTITUTION_STAGES, example: 'inspection', description: '此环节之后出现的缺额不再递补' })
  @IsIn(SUBSTITUTION_STAGES)
  untilStage!: SubstitutionStage;
}

/** A 公告 and its 职位表. */
export class AnnounceRoundDto {
  @ApiPropertyOptional({ example: 'gwy-2024-1', description: 'Chosen by the caller; generated when absent' })
  @IsOptional()
  @Matches(ROUND_ID_PATTERN, { message: 'roundId must be 1 to 40 letters, digits, hyphens or underscores' })
  roundId?: string;

  @ApiProperty({ example: 2024 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: RECRUITMENT_CHANNELS, example: 'civil_servant' })
  @IsIn(RECRUITMENT_CHANNELS)
  channel!: RecruitmentChannel;

  @ApiProperty({ example: '某县2024年考试录用公务员公告' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: '2024-03-01' })
  @Matches(OFFICE_DATE, { message: 'announcedOn must be a date (YYYY-MM-DD)' })
  announcedOn!: string;

  @ApiProperty({ example: '2024-03-05' })
  @Matches(OFFICE_DATE, { message: 'registrationOpensOn must be a date (YYYY-MM-DD)' })
  registrationOpensOn!: string;

  @ApiProperty({ example: '2024-03-12' })
  @Matches(OFFICE_DATE, { message: 'registrationClosesOn must be a date (YYYY-MM-DD)' })
  registrationClosesOn!: string;

  @ApiProperty({ type: [PostDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PostDto)
  posts!: PostDto[];

  @ApiProperty({ enum: ['exam', 'assessment'], example: 'exam', description: '笔试+面试, or 考核 only' })
  @IsIn(['exam', 'assessment'])
  method!: RoundMethod;

  @ApiPropertyOptional({ example: 3, description: '面试入围比例 1:n' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  shortlistRatio?: number;

  @ApiPropertyOptional({ type: WeightsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeightsDto)
  weights?: WeightsDto;

  @ApiPropertyOptional({ type: PassMarksDto, example: { interview: 60 } })
  @IsOptional()
  @ValidateNested()
  @Type(() => PassMarksDto)
  passMarks?: PassMarksDto;

  @ApiProperty({ enum: TIE_RULES, isArray: true, example: ['higher_written'] })
  @IsArray()
  @ArrayMaxSize(TIE_RULES.length)
  @IsIn(TIE_RULES, { each: true })
  tieRules!: TieRule[];

  @ApiProperty({ type: SubstitutionDto })
  @ValidateNested()
  @Type(() => SubstitutionDto)
  substitution!: SubstitutionDto;

  @ApiPropertyOptional({ example: '2024-03-01T09:00:00+08:00' })
  @IsInstant()
  occurredAt?: string;
}
