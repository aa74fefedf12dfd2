import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

// An instant with its offset, as toISOString writes it or with an explicit +08:00.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

export const TreeSize = (name: string) => {
  const message = `${name} must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`;
  return applyDecorators(
    Type(() => Number),
    IsInt({ message }),
    Min(0, { message }),
    Max(Number.MAX_SAFE_INTEGER, { message }),
  );
};

export class TreeHeadsQuery {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+08:00', description: 'Heads issued at or after' })
  @IsOptional()
  @Matches(INSTANT, { message: 'from must be an ISO 8601 instant with its offset, e.g. 2026-01-01T00:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'from must be a real date and time' })
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00+08:00', description: 'Heads issued before' })
  @IsOptional()
  @Matches(INSTANT, { message: 'to must be an ISO 8601 instant with its offset, e.g. 2027-01-01T00:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'to must be a real date and time' })
  to?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1, { message: 'limit must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same filters' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor is not one this api gave out: pass the nextCursor of the previous page' })
  cursor?: string;
}

export class InclusionProofQuery {
  @ApiProperty({ example: '0b6f3f0e-5a1c-4d7e-9a51-2f1f4f0f6a10', description: 'The event to prove' })
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId!: string;

  @ApiProperty({ example: 1024, minimum: 0, description: 'The size of a signed tree head the proof is for' })
  @TreeSize('treeSize')
  treeSize!: number;
}

export class ConsistencyProofQuery {
  @ApiProperty({ example: 1000, minimum: 0, description: 'The size of the earlier tree head' })
  @TreeSize('from')
  from!: number;

  @ApiProperty({ example: 1024, minimum: 0, description: 'The size of the later tree head' })
  @TreeSize('to')
  to!: number;
}
