import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../validation/instant.validators';
import { TICKET_PATTERN } from '../round-ids';

const text = (max: number) => [IsOptional(), IsString(), Length(1, max)];
const optional =
  (max: number): PropertyDecorator =>
  (target, key) => {
    for (const decorate of text(max)) decorate(target, key);
  };

/** One 报名 as the 报名表 has it; personal numbers in plaintext, once, over TLS. */
export class ApplicantDto {
  @ApiProperty({ example: '2024450010101', description: '准考证号' })
  @Matches(TICKET_PATTERN, { message: 'ticket must be a 准考证号 of 1 to 20 letters, digits or hyphens' })
  ticket!: string;

  @ApiProperty({ example: '45001', description: '报考职位代码' })
  @Matches(TICKET_PATTERN, { message: 'postCode must be 1 to 20 letters, digits or hyphens' })
  postCode!: string;

  @ApiProperty({ example: '王晓明', description: '姓名' })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiProperty({ enum: ['男', '女'], description: '性别' })
  @IsIn(['男', '女'])
  gender!: '男' | '女';

  @ApiProperty({ example: '11010519491231002X', description: '身份证号 (encrypted at once)' })
  @IsString()
  @Length(15, 18)
  idCardNumber!: string;

  @ApiPropertyOptional({ example: '13800138000', description: '手机号 (encrypted at once)' })
  @IsOptional()
  @IsString()
  @Length(11, 20)
  phone?: string;

  @ApiPropertyOptional({ example: '1998-05', description: '出生年月' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'birthMonth must be YYYY-MM' })
  birthMonth?: string;

  @ApiPropertyOptional({ example: '汉族' }) @optional(20) ethnicity?: string;
  @ApiPropertyOptional({ example: '中共党员' }) @optional(20) politicalStatus?: string;
  @ApiPropertyOptional({ example: '大学本科' }) @optional(20) education?: string;
  @ApiPropertyOptional({ example: '法学学士' }) @optional(20) degree?: string;
  @ApiPropertyOptional({ example: '某某大学' }) @optional(100) school?: string;
  @ApiPropertyOptional({ example: '法学' }) @optional(100) major?: string;
  @ApiPropertyOptional({ example: '无' }) @optional(50) professionalTitle?: string;
}

export class RegisterApplicantsDto {
  @ApiProperty({ type: [ApplicantDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ApplicantDto)
  applicants!: ApplicantDto[];

  @ApiPropertyOptional({ example: '2024-03-06T09:00:00+08:00' })
  @IsInstant()
  occurredAt?: string;
}
