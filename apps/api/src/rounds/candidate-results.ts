import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { caseStateOf, candidateCaseId } from '@talent/activities';
import { type Actor, toCaseStreamId } from '@talent/domain';
import { PostgresEventStore } from '@talent/event-store';
import { CasesService } from '../cases/cases.service';
import { httpStatusOf, ruleOf } from '../errors/api-exception.filter';
import type { RecordResultsDto } from './dto/record-results.dto';

/** How one line of a day's results went: its case's new stage, or the rule that refused it. */
export type ResultLine =
  | { ticket: string; caseId: string; status: 200; stage: string | null; outcome: string | null }
  | { ticket: string; caseId: string; status: number; error: string; message: string };

/**
 * 体检 and 考察 results a day at a time: every line is checked first (a candidate of this round,
 * whose case stands at that stage), and one wrong line refuses the whole list with every wrong
 * line named. Each result is then its case's own fact, recorded by its own Update: cases are
 * separate aggregates, so a line the case itself refuses in the meantime is answered on its line.
 */
@Injectable()
export class CandidateResults {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly cases: CasesService,
  ) {}

  async record(roundId: string, dto: RecordResultsDto, actor: Actor): Promise<{ items: ResultLine[] }> {
    const lines = dto.results.map((result) => ({ ...result, caseId: candidateCaseId(roundId, result.ticket) }));
    const problems: Array<{ ticket: string; message: string }> = [];
    const seen = new Set<string>();
    for (const line of lines) {
      if (seen.has(line.ticket)) problems.push({ ticket: line.ticket, message: `${line.ticket} is listed twice` });
      seen.add(line.ticket);
      const state = caseStateOf(await this.store.readStream(toCaseStreamId(line.caseId)));
      if (state?.opened.round?.roundId !== roundId) {
        problems.push({ ticket: line.ticket, message: `${line.ticket} is not a candidate of round ${roundId}` });
      } else if (state.outcome || state.stage !== dto.stage) {
        const where = state.outcome ? `closed (${state.outcome.id})` : `at ${state.stage}`;
        problems.push({ ticket: line.ticket, message: `${line.ticket}'s case is ${where}, not at ${dto.stage}` });
      }
    }
    if (problems.length > 0) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'RESULTS_NOT_RECORDABLE',
        message: `${problems.length} line(s) cannot be recorded; nothing was recorded.`,
        errors: problems,
      });
    }
    const items: ResultLine[] = [];
    for (const line of lines) {
      const payload = { outcome: line.outcome, ...(line.remarks !== undefined && { remarks: line.remarks }) };
      try {
        const view = await this.cases.act(
          line.caseId,
          { action: 'record', payload, ...(dto.occurredAt !== undefined && { occurredAt: dto.occurredAt }) },
          actor,
        );
        items.push({
          ticket: line.ticket,
          caseId: line.caseId,
          status: 200,
          stage: view.stage.id,
          outcome: view.outcome?.id ?? null,
        });
      } catch (error) {
        const rule = ruleOf(error);
        if (!rule) throw error;
        const message = Array.isArray(rule.message) ? rule.message.join('; ') : rule.message;
        items.push({
          ticket: line.ticket,
          caseId: line.caseId,
          status: httpStatusOf(rule.code),
          error: rule.code,
          message,
        });
      }
    }
    return { items };
  }
}
