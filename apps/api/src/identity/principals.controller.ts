import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@talent/domain';
import { IdentityError, PrincipalStore } from '@talent/identity';
import { Allow } from '@talent/platform';
import { present } from './principal.view';
import { CurrentActor } from './current-actor.decorator';
import {
  CreateApiClientDto,
  CreateUserDto,
  IssueApiKeyDto,
  SetPasswordDto,
  UpdateApiClientDto,
  UpdateUserDto,
} from './identity.dto';

@ApiTags('identity')
@Allow('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly principals: PrincipalStore) {}

  @Post()
  @ApiOperation({
    summary:
      'Create an officer account (hr_officer, approver, auditor or admin); they must change the password at first sign-in',
  })
  @ApiCreatedResponse({ description: 'The new user' })
  @ApiConflictResponse({ description: 'The id is taken' })
  async create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor) {
    return present(await this.principals.create(dto, actor));
  }

  @Get()
  @ApiOperation({ summary: 'Every officer account' })
  async list() {
    return { items: (await this.principals.list('officer')).map(present) };
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such user' })
  async get(@Param('id') id: string) {
    return present(await this.principals.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename, change the role of, disable or re-enable a user; a new role or disabling ends their sessions',
  })
  @ApiConflictResponse({ description: 'It would leave no active admin' })
  async update(@Param('id') id: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor) {
    const { reason, ...changes } = dto;
    if ((await this.principals.get(id)).kind !== 'officer') throw notOfKind(id, 'officer');
    return present(await this.principals.update(id, changes, actor, reason));
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({
    summary: "Set a user's password (a forgotten one); their sessions end, and they must change it at next sign-in",
  })
  async setPassword(@Param('id') id: string, @Body() dto: SetPasswordDto, @CurrentActor() actor: Actor) {
    await this.principals.setPassword(id, dto.password, actor);
  }
}

@ApiTags('identity')
@Allow('admin')
@Controller('api-clients')
export class ApiClientsController {
  constructor(private readonly principals: PrincipalStore) {}

  @Post()
  @ApiOperation({ summary: 'Register another system, allowed to open and read cases of the kinds granted' })
  @ApiConflictResponse({ description: 'The id is taken' })
  async create(@Body() dto: CreateApiClientDto, @CurrentActor() actor: Actor) {
    return present(await this.principals.create({ ...dto, role: 'api_client' }, actor));
  }

  @Get()
  async list() {
    const clients = await this.principals.list('api_client');
    return {
      items: await Promise.all(
        clients.map(async (client) => ({ ...present(client), keys: await this.principals.listApiKeys(client.id) })),
      ),
    };
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such API client' })
  async get(@Param('id') id: string) {
    const client = await this.principals.get(id);
    if (client.kind !== 'api_client') throw notOfKind(id, 'api_client');
    return { ...present(client), keys: await this.principals.listApiKeys(id) };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change the granted case kinds, disable or re-enable an API client' })
  async update(@Param('id') id: string, @Body() dto: UpdateApiClientDto, @CurrentActor() actor: Actor) {
    const { reason, ...changes } = dto;
    const client = await this.principals.get(id);
    if (client.kind !== 'api_client') throw notOfKind(id, 'api_client');
    return present(await this.principals.update(id, changes, actor, reason));
  }

  @Post(':id/keys')
  @ApiOperation({ summary: 'Issue a key: the key itself is in this answer only and is never shown again' })
  @ApiCreatedResponse({
    schema: {
      example: {
        keyId: '9f2c4e1a7b3d5c60',
        name: 'hr-system production',
        key: 'tke_9f2c4e1a7b3d5c60_…',
        createdAt: '2026-11-25T08:00:00.000Z',
        revokedAt: null,
        lastUsedAt: null,
      },
    },
  })
  issueKey(@Param('id') id: string, @Body() dto: IssueApiKeyDto, @CurrentActor() actor: Actor) {
    return this.principals.issueApiKey(id, dto.name, actor);
  }

  @Delete(':id/keys/:keyId')
  @ApiOperation({ summary: 'Revoke a key at once; revoking it again changes nothing' })
  @ApiNotFoundResponse({ description: 'The client has no such key' })
  revokeKey(@Param('id') id: string, @Param('keyId') keyId: string, @CurrentActor() actor: Actor) {
    return this.principals.revokeApiKey(id, keyId, actor);
  }
}

/** Users and API clients share one id space; asking for one by the other's path finds nothing. */
const notOfKind = (id: string, kind: 'officer' | 'api_client') =>
  new IdentityError('PRINCIPAL_NOT_FOUND', kind === 'officer' ? `No user ${id}` : `No API client ${id}`);
