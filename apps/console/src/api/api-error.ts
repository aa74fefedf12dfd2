import { REFUSAL_SENTENCES } from '../i18n/refusals';
import type { RowError } from './round-views';

/** A refused or failed request, as a page shows it. `status` 0 means the api was not reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly serverMessage: string,
    /** Field problems of a 400, as the api words them (`post must NOT have fewer than 1 characters`). */
    readonly problems: string[] = [],
    /** The wrong rows of an uploaded sheet (a 422 of an import), each worded in Chinese by the api. */
    readonly rowErrors: RowError[] = [],
  ) {
    super(serverMessage);
  }

  /** The sentence a person reads: the rule in Chinese, never the api's English. */
  get sentence(): string {
    if (this.status === 0) return '无法连接服务器，请检查网络后重试。';
    const known = this.code ? REFUSAL_SENTENCES[this.code] : undefined;
    if (known) return known;
    if (this.status === 400) return '提交的内容不符合要求，请检查后重试。';
    if (this.status === 401) return '登录已失效，请重新登录。';
    if (this.status === 403) return '当前账号无权进行此操作。';
    if (this.status === 404) return '未找到该记录。';
    if (this.status === 409) return '当前状态下不能进行此操作。';
    if (this.status === 429) return '操作过于频繁，请稍后再试。';
    return this.code ? `操作未被受理（${this.code}）。` : '服务器暂时无法处理，请稍后重试。';
  }
}

/** The body of a refusal: `{ statusCode, error, message }` with `message` a sentence or field problems. */
export function toApiError(status: number, body: unknown): ApiError {
  const refusal = (typeof body === 'object' && body !== null ? body : {}) as {
    error?: unknown;
    message?: unknown;
    errors?: unknown;
  };
  const code = typeof refusal.error === 'string' && /^[A-Z_]+$/.test(refusal.error) ? refusal.error : undefined;
  const problems = Array.isArray(refusal.message)
    ? refusal.message.filter((m): m is string => typeof m === 'string')
    : [];
  const message = typeof refusal.message === 'string' ? refusal.message : problems.join('; ');
  const rowErrors = Array.isArray(refusal.errors) ? refusal.errors.filter(isRowError) : [];
  return new ApiError(status, code, message, problems, rowErrors);
}

function isRowError(value: unknown): value is RowError {
  const row = value as Partial<RowError> | null;
  return typeof row?.row === 'number' && typeof row.column === 'string' && typeof row.message === 'string';
}
