import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CASE_KINDS, RECRUITMENT_CHANNELS, STAGE_KINDS, type StageKind } from '@talent/domain';

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: RECRUITMENT_CHANNELS })
  @IsOptional()
  @IsIn(RECRUITMENT_CHANNELS)
  channel?: string;

  @ApiPropertyOptional({ example: 'publicNotice' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  stage?: string;

  @ApiPropertyOptional({
    enum: STAGE_KINDS,
    description: 'Only cases whose current stage is of this kind in its pipeline (approval: waiting for an approver)',
  })
  @IsOptional()
  @IsIn(STAGE_KINDS)
  stageKind?: StageKind;

  @ApiPropertyOptional({ enum: ['open', 'suspended', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'suspended', 'closed'])
  status?: string;

  @ApiPropertyOptional({ example: 2023 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'Only cases whose current stage is past its deadline' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    description: 'Only cases the caller handles (经办人): opened by them, or first worked by them',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ example: '王', description: "Part of the subject's name" })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiPropertyOptional({
    example: '2023-03-20T00:00:00+08:00',
    description: 'Only cases whose current stage falls due before this instant (ISO 8601 with offset)',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  // Without an offset the instant would depend on the database session's time zone.
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'dueBefore must end with Z or an offset such as +08:00' })
  dueBefore?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}
