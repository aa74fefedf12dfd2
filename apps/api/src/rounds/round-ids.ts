/** Round ids end up inside their candidates' case ids (`<roundId>-<ticket>`), which hold 64 characters. */
export const ROUND_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
/** 准考证号 and 职位代码: letters, digits and hyphens, as exam systems issue them. */
export const TICKET_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
