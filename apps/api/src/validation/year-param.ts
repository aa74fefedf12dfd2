import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Request } from 'express';

// The years a case may count in (OpenCaseDto.year); figures and plans exist for no others, and a
// year past 32 bits would fail in PostgreSQL instead of here.
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * The `:year` of a route, parsed and checked; document the route with ApiYearParam. It reads the
 * raw path segment: a pipe would get it after the global ValidationPipe turned '0x7e7' into 2023.
 */
export const YearParam = createParamDecorator((_data: unknown, context: ExecutionContext): number => {
  const segment = context.switchToHttp().getRequest<Request>().params.year;
  const year = typeof segment === 'string' && /^\d{4}$/.test(segment) ? Number(segment) : Number.NaN;
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new BadRequestException([`year must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`]);
  }
  return year;
});

export const ApiYearParam = () =>
  ApiParam({ name: 'year', schema: { type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR, example: 2023 } });
