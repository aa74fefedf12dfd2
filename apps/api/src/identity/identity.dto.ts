import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CASE_KINDS, type CaseKind } from '@talent/domain';
import { OFFICER_ROLES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PRINCIPAL_ID_PATTERN } from '@talent/identity';

const ID_RULE = 'must be 2-64 characters: lowercase letters, digits, ".", "_" or "-", starting with a letter or digit';

export class SignInDto {
  @ApiProperty({ example: 'officer-wang' })
  @IsString()
  @Length(1, 64)
  userId!: string;

  @ApiProperty({ example: 'a long passphrase of yours' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangeOwnPasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ description: `At least ${PASSWORD_MIN_LENGTH} characters, not containing the user id` })
  @IsString()
  newPassword!: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: `At least ${PASSWORD_MIN_LENGTH} characters, not containing the user id` })
  @IsString()
  password!: string;
}

class PrincipalBaseDto {
  @ApiProperty({ example: 'officer-wang' })
  @Matches(PRINCIPAL_ID_PATTERN, { message: `id ${ID_RULE}` })
  id!: string;

  @ApiProperty({ example: '王芳 (人社局)' })
  @IsString()
  @Length(1, 100)
  displayName!: string;
}

export class CreateUserDto extends PrincipalBaseDto {
  @ApiProperty({ enum: OFFICER_ROLES, example: 'hr_officer' })
  @IsIn(OFFICER_ROLES)
  role!: (typeof OFFICER_ROLES)[number];

  @ApiProperty({
    description:
      'The first password; tell it to the user out of band. It signs in only to choose their own (POST /auth/password).',
  })
  @IsString()
  password!: string;
}

/** What an admin may change on any account: its name, whether it may act, and why. */
class PrincipalChangesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;

  @ApiPropertyOptional({ description: 'true ends every session or key of the account at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'Why, for the audit trail' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class UpdateUserDto extends PrincipalChangesDto {
  @ApiPropertyOptional({ enum: OFFICER_ROLES })
  @IsOptional()
  @IsIn(OFFICER_ROLES)
  role?: (typeof OFFICER_ROLES)[number];
}

export class CreateApiClientDto extends PrincipalBaseDto {
  @ApiProperty({ enum: CASE_KINDS, isArray: true, example: ['recruitment'] })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(CASE_KINDS, { each: true })
  caseKinds!: CaseKind[];
}

export class UpdateApiClientDto extends PrincipalChangesDto {
  @ApiPropertyOptional({ enum: CASE_KINDS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(CASE_KINDS, { each: true })
  caseKinds?: CaseKind[];
}

export class IssueApiKeyDto {
  @ApiProperty({ example: 'hr-system production', description: 'What the key is for, to tell keys apart' })
  @IsString()
  @Length(1, 100)
  name!: string;
}
