import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { INHERITED_NAMES } from '@talent/pipelines';
import { IsInstant } from '../../validation/instant.validators';

export class CaseActionDto {
  @ApiProperty({
    example: 'record',
    description:
      "An action of the current stage (see allowedActions of GET /cases/:id), or one of 'withdraw', 'reject', " +
      "'raiseObjection' (payload.grounds) and 'resolveObjection' (payload.upheld)",
  })
  @Matches(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, { message: 'action must be an identifier' })
  @IsNotIn([...INHERITED_NAMES], { message: 'action must not be a name every JavaScript object has, like $value' })
  action!: string;

  @ApiPropertyOptional({ example: { outcome: 'pass', score: 86.5 } })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: '考生书面申请放弃',
    description: 'Why; required to withdraw, reject or resolve an objection',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({
    example: '2023-05-08T10:00:00+08:00',
    description: 'When it happened in the office; default now',
  })
  @IsInstant()
  occurredAt?: string;
}
