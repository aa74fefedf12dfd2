import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@talent/domain';
import {
  API_KEY_ID_PATTERN,
  IdentityError,
  type Principal,
  PRINCIPAL_ID_PATTERN,
  PrincipalStore,
} from '@talent/identity';
import { Allow } from '@talent/platform';
import { present } from './principal.view';
import { CurrentActor } from './current-actor.decorator';
import {
  apiClientExample,
  apiClientsPageExample,
  apiKeysPageExample,
  userExample,
  usersPageExample,
} from './identity-examples';
import { IdentityPageQuery, pageAnswer, pageRequest } from './identity-page';
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
  @ApiOperation({ summary: 'Officer accounts, a page at a time in order of id' })
  @ApiOkResponse({ schema: { example: usersPageExample } })
  @ApiBadRequestResponse({ description: 'A malformed limit, or a cursor this api did not give out' })
  async list(@Query() query: IdentityPageQuery) {
    const page = await this.principals.list('officer', pageRequest(query, PRINCIPAL_ID_PATTERN));
    return pageAnswer(page, (user) => user.id, present);
  }

  @Get(':id')
  @ApiOkResponse({ schema: { example: userExample } })
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
  @ApiOperation({
    summary: 'API clients, a page at a time in order of id; the keys of each at GET /api-clients/:id/keys',
  })
  @ApiOkResponse({ schema: { example: apiClientsPageExample } })
  @ApiBadRequestResponse({ description: 'A malformed limit, or a cursor this api did not give out' })
  async list(@Query() query: IdentityPageQuery) {
    const page = await this.principals.list('api_client', pageRequest(query, PRINCIPAL_ID_PATTERN));
    return pageAnswer(page, (client) => client.id, present);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An API client; its keys at GET /api-clients/:id/keys' })
  @ApiOkResponse({ schema: { example: apiClientExample } })
  @ApiNotFoundResponse({ description: 'No such API client' })
  async get(@Param('id') id: string) {
    return present(await this.apiClient(id));
  }

  @Get(':id/keys')
  @ApiOperation({
    summary: "An API client's keys, revoked ones included, a page at a time in order of key id; never a key itself",
  })
  @ApiOkResponse({ schema: { example: apiKeysPageExample } })
  @ApiBadRequestResponse({ description: 'A malformed limit, or a cursor this api did not give out' })
  @ApiNotFoundResponse({ description: 'No such API client' })
  async keys(@Param('id') id: string, @Query() query: IdentityPageQuery) {
    const request = pageRequest(query, API_KEY_ID_PATTERN);
    await this.apiClient(id);
    return pageAnswer(
      await this.principals.listApiKeys(id, request),
      (key) => key.keyId,
      (key) => key,
    );
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change the granted case kinds, disable or re-enable an API client' })
  async update(@Param('id') id: string, @Body() dto: UpdateApiClientDto, @CurrentActor() actor: Actor) {
    const { reason, ...changes } = dto;
    await this.apiClient(id);
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

  private async apiClient(id: string): Promise<Principal> {
    const client = await this.principals.get(id);
    if (client.kind !== 'api_client') throw notOfKind(id, 'api_client');
    return client;
  }
}

/** Users and API clients share one id space; asking for one by the other's path finds nothing. */
const notOfKind = (id: string, kind: 'officer' | 'api_client') =>
  new IdentityError('PRINCIPAL_NOT_FOUND', kind === 'officer' ? `No user ${id}` : `No API client ${id}`);
