import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CASE_KINDS,
  type CaseKind,
  RECRUITMENT_CHANNELS,
  type RecruitmentChannel,
  WORKSTATION_TYPES,
  type WorkstationType,
} from '@talent/domain';
import { CASE_ID_PATTERN } from '../case-id';
import { IsInstant } from '../../validation/instant.validators';

export class SubjectDto {
  @ApiProperty({ example: '张三', description: 'Candidate, expert, host unit or returning native' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: { post: '县教育体育局 语文教师', township: '勐XX镇' } })
  @IsOptional()
  @IsObject()
  details?: Record<string, string | number | boolean>;

  @ApiPropertyOptional({
    example: '11010519491231002X',
    description:
      '居民身份证号码 (personal information): stored encrypted, shown masked to all but the handling officer',
  })
  @IsOptional()
  @IsString()
  @Length(15, 40)
  idCardNumber?: string;

  @ApiPropertyOptional({
    example: '13812345678',
    description: 'Mobile number (personal information): stored encrypted, shown masked to all but the handling officer',
  })
  @IsOptional()
  @IsString()
  @Length(11, 20)
  phone?: string;
}

export class OpenCaseDto {
  @ApiProperty({ enum: CASE_KINDS, example: 'recruitment' })
  @IsIn(CASE_KINDS)
  kind!: CaseKind;

  @ApiPropertyOptional({
    enum: RECRUITMENT_CHANNELS,
    example: 'civil_servant',
    description: 'Required for recruitment',
  })
  @ValidateIf((dto: OpenCaseDto) => dto.kind === 'recruitment' || dto.channel !== undefined)
  @IsIn(RECRUITMENT_CHANNELS)
  channel?: RecruitmentChannel;

  @ApiPropertyOptional({ enum: WORKSTATION_TYPES, description: 'Required for expert_workstation' })
  @ValidateIf((dto: OpenCaseDto) => dto.kind === 'expert_workstation' || dto.workstationType !== undefined)
  @IsIn(WORKSTATION_TYPES)
  workstationType?: WorkstationType;

  @ApiProperty({ type: SubjectDto })
  @IsObject({ message: 'subject must be an object with at least a name' })
  @ValidateNested()
  @Type(() => SubjectDto)
  subject!: SubjectDto;

  @ApiPropertyOptional({ example: 2023, description: 'Plan year the case counts in; defaults to the year it opens' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    example: '2023-03-01T09:00:00+08:00',
    description: 'When it happened in the office; default now',
  })
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({ example: 'gwy-2023-0001', description: 'Your own id for the case; generated when omitted' })
  @IsOptional()
  @Matches(CASE_ID_PATTERN, { message: 'caseId must be 1-64 letters, digits, _ or -' })
  caseId?: string;
}
