import type { Translation } from '../../shared/i18n/translation.ts';
import type { jaRankErrors, jaRankFields, jaRanks } from './ranks.ja.ts';

// English words of guest ranks; the keys of ranks.ja.ts.
export const enRanks: Translation<typeof jaRanks> = {
  badgeLabel: 'Guest rank: {{name}}',
  manualMark: ' (manual)',
  rules: {
    title: 'Guest ranks',
    help: 'Ranks are checked from the top: a guest gets the first one whose condition they meet. Manual ranks (such as VIP) are given on the guest card and win over computed ones. Visits are stays in house or departed; spend is the stays’ amounts.',
    name: 'Rank name',
    manual: 'Given by hand',
    minVisits: 'Visits (at least)',
    minSpendYen: 'Spend (¥, at least)',
    years: 'Period (last years)',
    yearsSuffix: 'years',
    combine: 'Visits and spend',
    combineAnd: 'Both',
    combineOr: 'Either',
    add: '+ Add a rank',
    remove: 'Remove',
    up: 'Up',
    down: 'Down',
    save: 'Save the ranks',
    saved: 'Ranks saved. Every guest’s rank is being recomputed.',
    preview: 'Count the guests',
    previewCount_one: '{{count}} guest',
    previewCount_other: '{{count}} guests',
    previewOf_one: 'of {{count}} guest on record',
    previewOf_other: 'of {{count}} guests on record',
    none: 'No ranks yet. Add one with “+ Add a rank”.',
    manualRank: 'Manual',
  },
  card: {
    setManual: 'Manual rank',
    noManual: 'No manual rank',
    manualSaved: 'Manual rank saved',
  },
};

export const enRankErrors: Translation<typeof jaRankErrors> = {
  rank_not_manual: 'This rank is not given by hand. Mark it “Given by hand” in the rank settings first.',
};

export const enRankFields: Translation<typeof jaRankFields> = {
  rank_name_taken: 'Another rank has this name',
  rank_condition_required: 'Enter visits or spend (or both)',
  rank_years_invalid: 'Enter a period of 1 to 10 years',
};
