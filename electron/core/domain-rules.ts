import { allergyChecks } from './allergies/invariants.ts';
import { supersededByDeriver } from './allergies/superseded-by.ts';
import { currentStageDeriver } from './banquets/current-stage.ts';
import { banquetChecks } from './banquets/invariants.ts';
import type { ChangeEngine } from './changes/engine.ts';
import { stayChecks } from './stays/invariants.ts';

/**
 * The domains' derived columns and the invariants merging cannot keep by itself, on one engine: the core
 * registers them, and so does anything else that writes through an engine (the benchmark's builder).
 */
export function registerDomainRules(
  engine: ChangeEngine,
  prepare: (text: string) => import('better-sqlite3').Statement,
) {
  const context = { db: engine.db, log: engine.log, prepare };
  engine.derivations.register(currentStageDeriver);
  engine.derivations.register(supersededByDeriver);
  for (const check of [...banquetChecks(context), ...allergyChecks(context), ...stayChecks(context)]) {
    engine.conflicts.register(check);
  }
}
