import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { RECRUITMENT_CHANNELS, ROUND_EXAMS, type RoundExam } from '@talent/domain';
import { IsInstant } from '../../validation/instant.validators';
import { TICKET_PATTERN } from '../round-ids';

class Page {
  @ApiPropertyOptional({ example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class ListRoundsQuery extends Page {
  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: RECRUITMENT_CHANNELS })
  @IsOptional()
  @IsIn(RECRUITMENT_CHANNELS)
  channel?: (typeof RECRUITMENT_CHANNELS)[number];

  @ApiPropertyOptional({ enum: ['announced', 'approved', 'closed'] })
  @IsOptional()
  @IsIn(['announced', 'approved', 'closed'])
  status?: 'announced' | 'approved' | 'closed';

  @ApiPropertyOptional({ example: '公务员', description: "Part of the round's 公告 title or of its id" })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  text?: string;
}

export class RoundApplicantsQueryDto extends Page {
  @ApiPropertyOptional({ example: '45001' })
  @IsOptional()
  @Matches(TICKET_PATTERN, { message: 'postCode must be 1 to 20 letters, digits or hyphens' })
  postCode?: string;
}

export class ScoreImportQuery {
  @ApiProperty({ enum: ROUND_EXAMS, example: 'written', description: '笔试, 面试 or 考核' })
  @IsIn(ROUND_EXAMS)
  exam!: RoundExam;
}

/** The multipart form of an upload: the file, and when the office received it. */
export class UploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The .xlsx file' })
  file!: unknown;

  @ApiPropertyOptional({ example: '2024-03-13T09:00:00+08:00' })
  @IsInstant()
  occurredAt?: string;
}

export class NoticeQuery {
  @ApiPropertyOptional({ example: '2024-07-01', description: 'First day of the 公示; default today' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  startsOn?: string;

  @ApiPropertyOptional({ example: '公示期间如有异议，请以书面形式向县委组织部反映。联系电话：0000-1234567' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  contact?: string;

  @ApiPropertyOptional({ example: '中共某县委组织部　某县人力资源和社会保障局' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  office?: string;
}
