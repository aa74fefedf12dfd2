import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { TreeSize } from '../ledger/ledger.queries';

export class HistoryExportQuery {
  @ApiPropertyOptional({
    example: 1000,
    minimum: 0,
    description:
      'The size of a tree head the auditor saved earlier: the export then carries the consistency proof from it ' +
      'to the head the export is computed at',
  })
  @IsOptional()
  @TreeSize('consistencyFrom')
  consistencyFrom?: number;
}
