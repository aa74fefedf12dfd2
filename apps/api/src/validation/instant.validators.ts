import { applyDecorators } from '@nestjs/common';
import { isISO8601, isRFC3339, ValidateBy, ValidateIf } from 'class-validator';

// ISO 8601 also admits week dates (2023-W10-1), ordinal dates (2023-123) and bare years, which
// Date.parse cannot read; what the api accepts is the subset every client, Date and PostgreSQL read alike.
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const readable = (value: string) => isISO8601(value, { strict: true }) && Number.isFinite(Date.parse(value));

const isInstant = (value: unknown): boolean => typeof value === 'string' && isRFC3339(value) && readable(value);

const isDateOrInstant = (value: unknown): boolean =>
  typeof value === 'string' && (DATE.test(value) ? readable(value) : isInstant(value));

/** A moment in the office: a date and time with its UTC offset (RFC 3339); when given, never null. */
export const IsInstant = () =>
  applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: (args) =>
          `${args?.property} must be a date and time with its offset (RFC 3339), like 2023-05-08T10:00:00+08:00`,
      },
    }),
  );

/** A calendar date (the end of that day in the office) or a moment, as IsInstant takes it. */
export const IsDateOrInstant = () =>
  applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy({
      name: 'isDateOrInstant',
      validator: {
        validate: isDateOrInstant,
        defaultMessage: (args) =>
          `${args?.property} must be a date like 2023-12-31 or a date and time with its offset (RFC 3339)`,
      },
    }),
  );
