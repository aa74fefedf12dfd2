import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AsOfQuery } from '../statistics/statistics.query.dto';
import { TreeSize } from '../ledger/ledger.queries';

export class ReportQuery extends AsOfQuery {
  @ApiPropertyOptional({ enum: ['html', 'md'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'md'])
  format?: 'html' | 'md';
}

export class ReportEvidenceQuery extends AsOfQuery {
  @ApiPropertyOptional({
    example: 1000,
    minimum: 0,
    description: 'The size of a tree head saved earlier: the evidence then carries the consistency proof from it',
  })
  @IsOptional()
  @TreeSize('consistencyFrom')
  consistencyFrom?: number;
}
