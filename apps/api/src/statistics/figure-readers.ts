import type { Role } from '@talent/domain';

/** The office's published figures: everyone in the office may read them; other systems may not. */
export const FIGURE_READERS: Role[] = ['hr_officer', 'approver', 'auditor', 'admin'];
