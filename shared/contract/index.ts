import type { z } from 'zod';
import { accessLogCalls } from './access-log.ts';
import { addressCalls } from './addresses.ts';
import { allergyCalls } from './allergies.ts';
import { arrivalCalls } from './arrivals.ts';
import { backupCalls } from './backups.ts';
import { banquetCalls } from './banquets.ts';
import { conflictCalls } from './conflicts.ts';
import { duplicateCalls } from './duplicates.ts';
import { erasureCalls } from './erasure.ts';
import { exportCalls } from './exports.ts';
import { fileCalls } from './files.ts';
import { followUpCalls } from './follow-ups.ts';
import { guestRightsCalls } from './guest-rights.ts';
import { guestCalls } from './guests.ts';
import { hallCalls } from './halls.ts';
import { historyCalls } from './history.ts';
import { importCalls } from './imports.ts';
import { type JobProgress, jobCalls } from './jobs.ts';
import { kitchenCalls } from './kitchen.ts';
import { managerCalls } from './manager.ts';
import { rankCalls } from './ranks.ts';
import { requestCalls } from './requests.ts';
import { salesImportCalls } from './sales-import.ts';
import { serviceCalls } from './service.ts';
import { settingsCalls } from './settings.ts';
import { staffCalls } from './staff.ts';
import { stayCalls } from './stays.ts';
import { syncCalls } from './sync.ts';
import { systemCalls } from './system.ts';

export * from './result.ts';

/** Every call the renderer or another system can make. Adding a call means adding one entry here. */
export const contract = {
  ...systemCalls,
  ...jobCalls,
  ...settingsCalls,
  ...staffCalls,
  ...guestCalls,
  ...addressCalls,
  ...historyCalls,
  ...stayCalls,
  ...allergyCalls,
  ...requestCalls,
  ...kitchenCalls,
  ...serviceCalls,
  ...arrivalCalls,
  ...hallCalls,
  ...banquetCalls,
  ...followUpCalls,
  ...conflictCalls,
  ...exportCalls,
  ...fileCalls,
  ...importCalls,
  ...salesImportCalls,
  ...backupCalls,
  ...syncCalls,
  ...duplicateCalls,
  ...accessLogCalls,
  ...guestRightsCalls,
  ...erasureCalls,
  ...managerCalls,
  ...rankCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * Events pushed to every open screen. `changed` names the tables a write touched; `progress` tells how far a
 * long job has got (shared/contract/jobs.ts).
 */
export type PushEvent = { name: 'changed'; payload: { tables: string[] } } | { name: 'progress'; payload: JobProgress };
