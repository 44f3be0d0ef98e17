import { textLimits } from '../../shared/contract/limits.ts';
import { staffCalls } from '../../shared/contract/staff.ts';

/** The contract's limits of a staff member's name and reading, for the counters. */
export const STAFF_LIMITS = textLimits(staffCalls['staff.create'].input.shape);
