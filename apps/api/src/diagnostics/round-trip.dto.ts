import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RoundTripRequest {
  @ApiPropertyOptional({ example: 'ping', maxLength: 200, description: 'Echoed back by the worker' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  message?: string;
}
