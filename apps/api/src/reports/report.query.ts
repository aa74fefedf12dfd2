import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AsOfQuery } from '../statistics/statistics.query.dto';

export class ReportQuery extends AsOfQuery {
  @ApiPropertyOptional({ enum: ['html', 'md'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'md'])
  format?: 'html' | 'md';
}
