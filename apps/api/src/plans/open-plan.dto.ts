import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateNested } from 'class-validator';

export class PlanQuotasDto {
  @ApiProperty({ example: 10, description: '高层次人才编制储备' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  high_level_talent!: number;

  @ApiProperty({ example: 10, description: '紧缺型人才编制储备' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  shortage_talent!: number;
}

export class OpenPlanDto {
  @ApiProperty({ type: PlanQuotasDto })
  @ValidateNested()
  @Type(() => PlanQuotasDto)
  quotas!: PlanQuotasDto;

  @ApiProperty({ example: 5_000_000, description: '人才发展专项资金（元）' })
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  fundCny!: number;
}
