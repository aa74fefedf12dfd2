import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { Page, PageRequest } from '@talent/identity';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const LIMIT_RULE = `limit must be a whole number from 1 to ${MAX_LIMIT}`;

/** Opaque to clients: the id of a page's last row. Users, API clients and keys are listed in order of id. */
export function encodeIdCursor(id: string): string {
  return Buffer.from(JSON.stringify([id])).toString('base64url');
}

/**
 * The id a cursor names, or undefined for anything this api did not give out. Only the exact
 * encoding of a well-formed id passes, so what reaches SQL is an id and nothing else.
 */
export function decodeIdCursor(cursor: string, idPattern: RegExp): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 1) return undefined;
  const [id] = parsed as unknown[];
  return typeof id === 'string' && idPattern.test(id) && encodeIdCursor(id) === cursor ? id : undefined;
}

export class IdentityPageQuery {
  @ApiPropertyOptional({ default: DEFAULT_LIMIT, minimum: 1, maximum: MAX_LIMIT, example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: LIMIT_RULE })
  @Min(1, { message: LIMIT_RULE })
  @Max(MAX_LIMIT, { message: LIMIT_RULE })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page', example: encodeIdCursor('officer-wang') })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}

/** The page a query asks for, refusing (400) a cursor this api did not give out for this list. */
export function pageRequest(query: IdentityPageQuery, idPattern: RegExp): PageRequest {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (query.cursor === undefined) return { limit };
  const afterId = decodeIdCursor(query.cursor, idPattern);
  if (afterId === undefined) {
    throw new BadRequestException(['cursor is not one this api gave out: pass the nextCursor of the previous page']);
  }
  return { limit, afterId };
}

/** A page as the api answers it: its items, and the cursor of the next page or null on the last. */
export function pageAnswer<T, V>(page: Page<T>, idOf: (item: T) => string, present: (item: T) => V) {
  const last = page.items.at(-1);
  return { items: page.items.map(present), nextCursor: page.more && last ? encodeIdCursor(idOf(last)) : null };
}
