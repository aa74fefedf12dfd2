import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CASE_KINDS, RECRUITMENT_CHANNELS } from '@talent/domain';

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
