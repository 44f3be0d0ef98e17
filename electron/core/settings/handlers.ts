import type { z } from 'zod';
import type { editableSettingsSchema } from '../../../shared/contract/settings.ts';
import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '../../../shared/contract/settings.ts';

type EditableSettings = z.infer<typeof editableSettingsSchema>;

import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext, Handlers } from '../context.ts';

type SettingsCalls = 'settings.get' | 'settings.update';

/** The inn's settings: stored rows over the defaults. A stored value that no longer parses falls back. */
export function readSettings(ctx: CoreContext): Settings {
  const rows = ctx.run.prepare('SELECT id, value FROM settings').all() as Array<{ id: string; value: string }>;
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      stored[row.id] = JSON.parse(row.value);
    } catch {
      ctx.logger.warn(`setting ${row.id} is not JSON; using the default`);
    }
  }
  // Each setting falls back alone: a zone this PC's runtime does not know must not reset the periods too.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    const field = settingsSchema.shape[key as keyof Settings];
    if (field?.safeParse(value).success) merged[key] = value;
  }
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/**
 * The settings with their version: the latest of any setting's row. Each setting is its own row, and versions
 * are local transaction numbers, so one number tells whether any setting changed after the page read them.
 */
function editableSettings(ctx: CoreContext): EditableSettings {
  const keys = ctx.run.prepare('SELECT id FROM settings').pluck().all() as string[];
  const version = Math.max(0, ...keys.map((key) => ctx.changes.versionOf('settings', key)));
  return { ...readSettings(ctx), version };
}

export function settingsHandlers(ctx: CoreContext): Handlers<SettingsCalls> {
  return {
    'settings.get': () => editableSettings(ctx),
    'settings.update': ({ patch, version }, actor) => {
      // Turning PINs on while having none would lock the person out at their next choice: set one first.
      if (patch.pinsRequired === true && actor.grant.person && !actor.grant.person.hasPin) {
        throw new CallFailure('forbidden', 'pin_needed_first');
      }
      actor.write((session) => {
        const now = session.now();
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) continue;
          const exists = ctx.run.prepare('SELECT 1 FROM settings WHERE id = ?').get(key);
          session.writeRow(
            'settings',
            key,
            { value: JSON.stringify(value), ...(exists ? {} : { created_at: now }), updated_at: now },
            { basedOn: version },
          );
        }
      });
      return editableSettings(ctx);
    },
  };
}
