import { z } from 'zod';
import { canonicalTimeZone, DEFAULT_TIME_ZONE, isTimeZone } from '../text/time-zone.ts';
import { basedOnVersion, empty, recordVersion } from './common.ts';
import { call } from './define.ts';
import { IDLE_LOCK_MAX_MINUTES } from './roles.ts';

// Settings an inn tunes, shared by every PC (synced like any record).
export const settingsSchema = z.object({
  /** An allergy confirmed longer ago than this is marked "re-confirm at check-in". */
  allergyReconfirmMonths: z.number().int().min(1).max(120),
  /** A dish served to the guest within this many years is flagged when planned again. */
  repeatDishYears: z.number().int().min(1).max(30),
  /** Birthdays show their era beside the Western year: 1980年5月5日（昭和55年）. */
  showJapaneseEra: z.boolean(),
  /** The inn's IANA time zone: every time shown or printed, and the inn's "today", are read on its clock. */
  timeZone: z.string().refine(isTimeZone),
  /** Choosing who works at a PC asks for their PIN. Off: a small family inn runs without PINs (docs/roles.md). */
  pinsRequired: z.boolean(),
  /** Minutes without a key or a click before a PC locks (staff.lock); 0 never locks. */
  idleLockMinutes: z.number().int().min(0).max(IDLE_LOCK_MAX_MINUTES),
  /** Guests with no stay or other activity for this many years are listed for review (guests.retentionReview). */
  retentionYears: z.number().int().min(1).max(30),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The settings as the settings page edits them: the version is the latest of any setting's. */
export const editableSettingsSchema = settingsSchema.extend({ version: recordVersion });
export type EditableSettings = z.infer<typeof editableSettingsSchema>;

// The era is shown unless the inn turns it off: guests and staff of a ryokan say and write birth years as
// 昭和55年 (registration cards, the phone), so the desk should not have to convert.
export const DEFAULT_SETTINGS: Settings = {
  allergyReconfirmMonths: 12,
  repeatDishYears: 3,
  showJapaneseEra: true,
  timeZone: DEFAULT_TIME_ZONE,
  // Off unless turned on: a register from before PINs keeps working as it did until the owner sets PINs and
  // turns this on, and a first member created with a PIN turns it on (staff.create).
  pinsRequired: false,
  // Ten minutes: a front-desk PC left alone between guests locks before the next person uses it under the
  // wrong name, and a person working steadily at a form is not interrupted.
  idleLockMinutes: 10,
  retentionYears: 5,
};

export const settingsCalls = {
  'settings.get': call({
    summary:
      'The inn-wide settings (allergy re-confirmation period, years a repeated dish is flagged, whether birthdays show their era, time zone, whether PINs are required, the idle lock, years without activity before a guest is listed for retention review).',
    writes: false,
    input: empty,
    output: editableSettingsSchema,
  }),
  'settings.update': call({
    summary:
      'Change some settings; each change is logged. Turning PINs on needs the person making the change to have a PIN.',
    writes: true,
    input: z
      .object({
        patch: z
          .object({
            allergyReconfirmMonths: z
              .number({ error: 'invalid_type' })
              .int({ error: 'count_invalid' })
              .min(1, { error: 'count_invalid' })
              .max(120, { error: 'count_invalid' }),
            repeatDishYears: z
              .number({ error: 'invalid_type' })
              .int({ error: 'count_invalid' })
              .min(1, { error: 'count_invalid' })
              .max(30, { error: 'count_invalid' }),
            showJapaneseEra: z.boolean({ error: 'invalid_type' }),
            timeZone: z
              .string({ error: 'invalid_type' })
              .trim()
              .refine(isTimeZone, { error: 'time_zone_invalid' })
              .transform(canonicalTimeZone),
            pinsRequired: z.boolean({ error: 'invalid_type' }),
            idleLockMinutes: z
              .number({ error: 'invalid_type' })
              .int({ error: 'count_invalid' })
              .min(0, { error: 'count_invalid' })
              .max(IDLE_LOCK_MAX_MINUTES, { error: 'idle_lock_too_long' }),
            retentionYears: z
              .number({ error: 'invalid_type' })
              .int({ error: 'count_invalid' })
              .min(1, { error: 'count_invalid' })
              .max(30, { error: 'count_invalid' }),
          })
          .partial()
          .strict(),
        version: basedOnVersion,
      })
      .strict(),
    output: editableSettingsSchema,
  }),
};
