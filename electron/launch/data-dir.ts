import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where this PC's database lives: the same folder Electron uses as userData for an app named
 * Yadocho, so the desktop app and `npm run serve` share one database. YADOCHO_DATA_DIR overrides it.
 * It is the app's own folder: openDatabase creates it, or tightens it, to 0700 on POSIX (db/private-files.ts).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.YADOCHO_DATA_DIR) return env.YADOCHO_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Yadocho');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Yadocho');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Yadocho');
}

export const DATABASE_FILE = 'yadocho.sqlite';
