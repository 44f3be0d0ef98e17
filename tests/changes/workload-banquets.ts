import { BANQUET_TYPES, LOST_REASONS, STAGES } from '../../shared/contract/banquet-codes.ts';
import { addDays } from '../../shared/text/dates.ts';
import { NOTES } from './workload-data.ts';
import { day, guest, type Maker, one, time } from './workload-draw.ts';

// Banquet sales' write calls for the workload (workload.ts): halls, deals, conflicts and follow-ups.

export const BANQUET_MAKERS: Record<string, Maker> = {
  'halls.create': (w) => ({
    fields: {
      name: `${w.r.pick(['松', '竹', '梅', '萩'])}の間${w.r.int(1, 9)}`,
      capacity: { seated: w.r.int(10, 80), standing: 0, theatre: 0 },
    },
  }),
  'halls.update': (w) => {
    const id = one(w, 'SELECT id FROM halls');
    const other = one(w, 'SELECT id FROM halls');
    if (!id) return null;
    return {
      id,
      fields: w.r.pick([
        { note: w.r.pick(NOTES) },
        { combinableWith: other && other !== id ? [other] : [] },
        { capacity: { seated: w.r.int(10, 80), standing: 0, theatre: 0 } },
      ]),
    };
  },
  'halls.delete': (w) => {
    const id = one(w, 'SELECT id FROM halls WHERE deleted_at IS NULL');
    return id && w.r.chance(0.6) ? { id } : null;
  },
  'halls.restore': (w) => {
    const id = one(w, 'SELECT id FROM halls WHERE deleted_at IS NOT NULL');
    return id ? { id } : null;
  },
  'banquets.create': (w) => {
    const organiser = guest(w);
    const hall = one(w, 'SELECT id FROM halls WHERE deleted_at IS NULL');
    if (!organiser) return null;
    const start = w.r.int(11, 19);
    return {
      fields: {
        organiserId: organiser,
        type: w.r.pick(BANQUET_TYPES),
        date: day(w, 1, 30),
        startTime: time(w, start),
        endTime: time(w, start + 2),
        headcount: w.r.int(2, 10),
        ...(hall ? { hallIds: [hall] } : {}),
      },
    };
  },
  'banquets.update': (w) => {
    const id = one(w, "SELECT id FROM banquets WHERE stage NOT IN ('held', 'lost', 'cancelled')");
    if (!id) return null;
    const hall = one(w, 'SELECT id FROM halls WHERE deleted_at IS NULL');
    const start = w.r.int(11, 19);
    return {
      id,
      fields: w.r.pick([
        { note: w.r.pick(NOTES) },
        { hallIds: hall ? [hall] : [] },
        { startTime: time(w, start), endTime: time(w, start + 2) },
        { date: day(w, 1, 30) },
        { headcount: w.r.int(2, 12) },
      ]),
    };
  },
  'banquets.advance': (w) => {
    const id = one(w, 'SELECT id FROM banquets');
    if (!id) return null;
    const stage = w.r.pick(STAGES);
    const row = w.db.prepare('SELECT date FROM banquets WHERE id = ?').pluck().get(id) as string;
    const extra =
      stage === 'provisional'
        ? { holdExpiresOn: w.today < row ? addDays(w.today, w.r.int(0, 3)) : row }
        : stage === 'lost'
          ? { lostReason: w.r.pick(LOST_REASONS), competitor: 'ホテルA', note: '価格' }
          : stage === 'cancelled'
            ? { note: '中止' }
            : {};
    return { id, stage, ...extra };
  },
  'conflicts.decide': (w) => {
    const row = w.db.prepare('SELECT id, kind, detail FROM conflicts').all() as Array<{
      id: string;
      kind: string;
      detail: string;
    }>;
    if (!row.length) return null;
    const conflict = w.r.pick(row);
    if (conflict.kind !== 'deal_final_stages') return { id: conflict.id, choice: 'kept' };
    const stages = (JSON.parse(conflict.detail) as { stages: Array<{ id: string }> }).stages;
    return { id: conflict.id, choice: w.r.pick(stages).id };
  },
  'followUps.setStatus': (w) => {
    const id = one(w, 'SELECT id FROM follow_ups');
    return id ? { id, status: w.r.pick(['open', 'done', 'cancelled']) } : null;
  },
};
