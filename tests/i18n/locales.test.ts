// The two locales have exactly the same keys (but for English's x_one beside a counted message's x_other:
// tests/i18n/plurals.test.ts), no empty message, and words for every code the core and the contract can answer
// with: error codes, error details, field codes, relationships and phone labels.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEDGER_READ_ERROR_CODES, ledgerErrorDetailKey } from '../../electron/core/imports/read/errors.ts';
import { en } from '../../renderer/i18n/en.ts';
import { ja } from '../../renderer/i18n/ja.ts';
import { ALLERGEN_CLASSES, ALLERGY_STATES, SEVERITIES } from '../../shared/contract/allergies.ts';
import { AVOID_REASONS } from '../../shared/contract/arrivals.ts';
import {
  BANQUET_TYPES,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  LAYOUTS,
  LOST_REASONS,
  MEMORIAL_YEARS,
  STAGES,
} from '../../shared/contract/banquets.ts';
import { heldSchema } from '../../shared/contract/conflicts.ts';
import { PHONE_LABELS, RELATIONSHIPS } from '../../shared/contract/guests.ts';
import { CLEANSE_RULES, IMPORT_FIELDS, MAPPING_ISSUES, SET_ASIDE_REASONS } from '../../shared/contract/import-codes.ts';
import { DISH_CATEGORIES, MEALS, REACTIONS } from '../../shared/contract/kitchen.ts';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '../../shared/contract/requests.ts';
import { ERROR_CODES } from '../../shared/contract/result.ts';
import { BOOKING_CHANNELS, STAY_PURPOSES, STAY_STATUSES } from '../../shared/contract/stays.ts';
import { flatten, type Tree } from '../support/locale-tree.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Every string a pattern captures in the files under `dir` (relative to the project). */
function captured(dir: string, pattern: RegExp): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(path.join(root, dir))) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) if (match[1]) found.add(match[1]);
  }
  return found;
}

const locales = { ja: flatten(ja as Tree), en: flatten(en as Tree) };

const FIELD_CODES = [
  'required',
  'too_long',
  'reading_not_kana',
  'reading_needs_kana',
  'phone_invalid',
  'email_invalid',
  'postal_invalid',
  'nationality_invalid',
  'passport_invalid',
  'date_invalid',
  'birthday_invalid',
  'date_out_of_range',
  'date_outside_era',
  'invalid_choice',
  'too_many',
  'invalid_type',
  'invalid_id',
  'invalid_format',
  'unknown_field',
  'invalid',
];

const DETAILS = [
  'guest_not_found',
  'guest_deleted',
  'guest_already_deleted',
  'guest_not_deleted',
  'companion_is_self',
  'companion_already_linked',
  'link_not_found',
  'link_already_removed',
  'staff_not_found',
  'staff_inactive',
];

describe('locales', () => {
  it('ja and en have exactly the same keys, English with the _one form of each counted message', () => {
    const singular = [...locales.ja.keys()]
      .filter((key) => key.endsWith('_other'))
      .map((key) => key.replace(/_other$/, '_one'));
    expect([...locales.en.keys()].sort()).toEqual([...locales.ja.keys(), ...singular].sort());
  });

  it('has every key the renderer asks for by name', () => {
    // t('guest.edit'), i18next.t('errors.title'); keys built at run time (errors.field.${code}) are checked above
    const used = captured('renderer', /\bt\(\s*'([a-zA-Z0-9_.]+)'/g);
    expect(used.size).toBeGreaterThan(50);
    // A counted message is asked for by its name without the suffix: t('service.visits.count', { count }).
    expect([...used].filter((key) => !locales.ja.has(key) && !locales.ja.has(`${key}_other`))).toEqual([]);
  });

  for (const [name, messages] of Object.entries(locales)) {
    it(`${name} has no empty message`, () => {
      const empty = [...messages].filter(([, value]) => value.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it(`${name} keeps the same interpolation variables as ja`, () => {
      const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      const japanese = (key: string) => locales.ja.get(key) ?? locales.ja.get(key.replace(/_one$/, '_other')) ?? '';
      for (const [key, value] of messages) expect(vars(value), key).toEqual(vars(japanese(key)));
    });

    it(`${name} translates every error code, detail and field code`, () => {
      const missing = (keys: string[]) => keys.filter((key) => !messages.has(key));
      expect(missing(ERROR_CODES.map((code) => `errors.code.${code}`))).toEqual([]);
      expect(missing(DETAILS.map((detail) => `errors.detail.${detail}`))).toEqual([]);
      expect(missing(FIELD_CODES.map((code) => `errors.field.${code}`))).toEqual([]);
    });

    it(`${name} says why a ledger file could not be read, for every code the reader throws`, () => {
      const keys = LEDGER_READ_ERROR_CODES.map((code) => `errors.detail.${ledgerErrorDetailKey(code)}`);
      expect(keys.filter((key) => !messages.has(key))).toEqual([]);
    });

    it(`${name} names every relationship and phone label`, () => {
      const keys = [...RELATIONSHIPS.map((r) => `relationships.${r}`), ...PHONE_LABELS.map((l) => `phoneLabels.${l}`)];
      expect(keys.filter((key) => !messages.has(key))).toEqual([]);
    });

    it(`${name} names every code of the service domain (printed on sheets too)`, () => {
      const codes: Record<string, readonly string[]> = {
        stayStatus: STAY_STATUSES,
        purpose: STAY_PURPOSES,
        channel: BOOKING_CHANNELS,
        allergenClass: ALLERGEN_CLASSES,
        severity: SEVERITIES,
        allergyState: ALLERGY_STATES,
        requestCategory: REQUEST_CATEGORIES,
        requestStatus: REQUEST_STATUSES,
        dishCategory: DISH_CATEGORIES,
        meal: MEALS,
        reaction: REACTIONS,
        avoidReason: AVOID_REASONS,
      };
      const keys = Object.entries(codes).flatMap(([group, values]) => values.map((v) => `codes.${group}.${v}`));
      expect(keys.filter((key) => !messages.has(key))).toEqual([]);
    });

    it(`${name} says why each transaction from another PC was kept aside, for every reason the contract names`, () => {
      const keys = heldSchema.shape.reason.options.map((reason) => `conflicts.held.reason.${reason}`);
      expect(keys.filter((key) => !messages.has(key))).toEqual([]);
    });

    it(`${name} names every code of the banquet domain (the screens show each through banquet.codes.*)`, () => {
      const codes: Record<string, readonly (string | number)[]> = {
        type: BANQUET_TYPES,
        stage: STAGES,
        lostReason: LOST_REASONS,
        layout: LAYOUTS,
        followUpKind: FOLLOW_UP_KINDS,
        followUpStatus: FOLLOW_UP_STATUSES,
        memorialYear: MEMORIAL_YEARS,
      };
      const keys = Object.entries(codes).flatMap(([group, values]) => values.map((v) => `banquet.codes.${group}.${v}`));
      expect(keys.filter((key) => !messages.has(key))).toEqual([]);
    });

    it(`${name} names every code of a ledger import: fields, cleansing rules, set-aside reasons, mapping issues`, () => {
      const codes: Record<string, readonly string[]> = {
        field: [...IMPORT_FIELDS, 'none'],
        rule: CLEANSE_RULES,
        setAside: SET_ASIDE_REASONS,
        mappingIssue: MAPPING_ISSUES,
      };
      const keys = Object.entries(codes).flatMap(([group, values]) => values.map((v) => `imports.${group}.${v}`));
      expect(keys.filter((key) => !messages.has(key))).toEqual([]);
      // …and no word for a code that no longer exists (the import screen's own words are imports.screen.*)
      const known = new Set(keys);
      const codeWords = (key: string) => key.startsWith('imports.') && !key.startsWith('imports.screen.');
      expect([...messages.keys()].filter((key) => codeWords(key) && !known.has(key))).toEqual([]);
    });

    it(`${name} names the memorial services as the family would (一周忌 … 三十三回忌)`, () => {
      if (name !== 'ja') return expect(messages.get('banquet.codes.memorialYear.2')).toBeTruthy();
      const names = MEMORIAL_YEARS.map((years) => messages.get(`banquet.codes.memorialYear.${years}`));
      expect(names).toEqual([
        '一周忌',
        '三回忌',
        '七回忌',
        '十三回忌',
        '十七回忌',
        '二十三回忌',
        '二十七回忌',
        '三十三回忌',
      ]);
    });

    it(`${name} follows the sources: every detail the core throws and every field code the contract names`, () => {
      // new CallFailure('conflict', 'guest_deleted') anywhere in the core
      const details = captured('electron/core', /CallFailure\(\s*'[a-z_]+'\s*,\s*'([a-z_]+)'/g);
      // { error: 'phone_invalid' } in the contract's schemas
      const fieldCodes = captured('shared/contract', /error:\s*'([a-z_]+)'/g);
      expect(details.size).toBeGreaterThan(0);
      expect(fieldCodes.size).toBeGreaterThan(0);
      expect([...details].filter((d) => !messages.has(`errors.detail.${d}`))).toEqual([]);
      expect([...fieldCodes].filter((c) => !messages.has(`errors.field.${c}`))).toEqual([]);
    });
  }
});
