import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@talent/domain';
import { Allow } from '@talent/platform';
import { CurrentActor } from '../identity/current-actor.decorator';
import { AnnounceRoundDto } from './dto/announce-round.dto';
import {
  ListRoundsQuery,
  NoticeQuery,
  RoundApplicantsQueryDto,
  ScoreImportQuery,
  UploadDto,
} from './dto/round-queries.dto';
import { RoundActionDto } from './dto/round-action.dto';
import { RegisterApplicantsDto } from './dto/register-applicants.dto';
import { resultsExample, roundSummaryExample, rowErrorsExample } from './round-examples';
import { CandidateResults } from './candidate-results';
import { RecordResultsDto } from './dto/record-results.dto';
import { ROUND_ID_PATTERN } from './round-ids';
import { NAME_LISTS, RoundReads } from './round-reads';
import { RoundsService, type UploadedSheet } from './rounds.service';

const ROUND_READERS = ['hr_officer', 'approver', 'auditor'] as const;
/** An Excel file of 20,000 rows is a few megabytes; anything far larger is not a roster. */
const UPLOAD_LIMIT = { limits: { fileSize: 20 * 1024 * 1024, files: 1 } };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('rounds')
@Controller('rounds')
export class RoundsController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly reads: RoundReads,
    private readonly results: CandidateResults,
  ) {}

  @Post()
  @Allow('hr_officer')
  @ApiOperation({ summary: 'Announce a round (公告) with its post table (职位表)' })
  @ApiCreatedResponse({ schema: { example: roundSummaryExample } })
  @ApiConflictResponse({ description: 'The round id is taken' })
  @ApiUnprocessableEntityResponse({ description: 'The terms break a rule (weights, ratio, duplicate post codes …)' })
  announce(@Body() dto: AnnounceRoundDto, @CurrentActor() actor: Actor) {
    return this.rounds.announce(dto, actor);
  }

  @Get()
  @Allow(...ROUND_READERS)
  @ApiOperation({ summary: 'Rounds, newest first, filtered and paginated by cursor' })
  list(@Query() query: ListRoundsQuery) {
    return this.reads.list(query);
  }

  @Get(':id')
  @Allow(...ROUND_READERS)
  @ApiOperation({ summary: 'A round: its terms, posts with counts and figures, and the ranking per post' })
  @ApiNotFoundResponse({ description: 'No such round' })
  view(@Param('id') id: string) {
    return this.reads.detail(this.checkId(id));
  }

  @Get(':id/applicants')
  @Allow(...ROUND_READERS)
  @ApiOperation({ summary: "A page of a round's applicants, by post and rank, personal numbers never shown" })
  applicants(@Param('id') id: string, @Query() query: RoundApplicantsQueryDto) {
    return this.reads.applicants(this.checkId(id), query);
  }

  @Post(':id/applicants')
  @Allow('hr_officer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Register one or a list of applicants (报名)' })
  @ApiOkResponse({ schema: { example: roundSummaryExample } })
  register(@Param('id') id: string, @Body() dto: RegisterApplicantsDto, @CurrentActor() actor: Actor) {
    return this.rounds.register(this.checkId(id), dto, actor);
  }

  @Post(':id/imports/applicants')
  @Allow('hr_officer')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', UPLOAD_LIMIT))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDto })
  @ApiOperation({ summary: 'Import the 报名 list from .xlsx: all rows checked first, nothing imported until clean' })
  @ApiOkResponse({ schema: { example: roundSummaryExample } })
  @ApiUnprocessableEntityResponse({
    description: 'The rows and columns that are wrong',
    schema: { example: rowErrorsExample },
  })
  importApplicants(
    @Param('id') id: string,
    @UploadedFile() file: UploadedSheet | undefined,
    @Body() body: UploadDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.rounds.importApplicants(this.checkId(id), file, actor, body.occurredAt);
  }

  @Post(':id/imports/scores')
  @Allow('hr_officer')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', UPLOAD_LIMIT))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDto })
  @ApiOperation({ summary: 'Import 笔试, 面试 or 考核 scores from .xlsx, matched by 准考证号' })
  @ApiUnprocessableEntityResponse({
    description: 'The rows and columns that are wrong',
    schema: { example: rowErrorsExample },
  })
  importScores(
    @Param('id') id: string,
    @Query() query: ScoreImportQuery,
    @UploadedFile() file: UploadedSheet | undefined,
    @Body() body: UploadDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.rounds.importScores(this.checkId(id), query.exam, file, actor, body.occurredAt);
  }

  @Post(':id/actions')
  @Allow('hr_officer', 'approver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Review a page, shortlist, rank, resolve a tie, send to 体检, 递补, approve or close' })
  @ApiOkResponse({ schema: { example: roundSummaryExample } })
  @ApiForbiddenResponse({ description: 'The role may not, or the approver announced the round' })
  @ApiConflictResponse({ description: 'A rule refuses it now (not shortlisted yet, 递补 limit reached …)' })
  act(@Param('id') id: string, @Body() dto: RoundActionDto, @CurrentActor() actor: Actor) {
    return this.rounds.act(this.checkId(id), dto, actor);
  }

  @Post(':id/results')
  @Allow('hr_officer')
  @HttpCode(200)
  @ApiOperation({ summary: "Record a day's 体检 or 考察 results of the round's candidates, each in its own case" })
  @ApiOkResponse({ schema: { example: resultsExample } })
  @ApiUnprocessableEntityResponse({ description: 'Lines that are not candidates at that stage; nothing was recorded' })
  recordResults(@Param('id') id: string, @Body() dto: RecordResultsDto, @CurrentActor() actor: Actor) {
    return this.results.record(this.checkId(id), dto, actor);
  }

  @Get(':id/exports/notice.txt')
  @Allow(...ROUND_READERS)
  @ApiOperation({ summary: 'The 公示 notice of the proposed hires, ready to publish' })
  async notice(@Param('id') id: string, @Query() query: NoticeQuery, @Res({ passthrough: true }) response: Response) {
    const text = await this.reads.noticeText(this.checkId(id), query);
    response.type('text/plain; charset=utf-8');
    return text;
  }

  @Get(':id/exports/:list.xlsx')
  @Allow(...ROUND_READERS)
  @ApiOperation({ summary: `A 名单 as .xlsx: ${NAME_LISTS.join(', ')}` })
  async nameList(
    @Param('id') id: string,
    @Param('list') list: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { file, filename } = await this.reads.nameListFile(this.checkId(id), list);
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
    return new StreamableFile(file, { type: XLSX });
  }

  private checkId(id: string): string {
    if (!ROUND_ID_PATTERN.test(id)) throw new NotFoundException(`No round ${id}`);
    return id;
  }
}
