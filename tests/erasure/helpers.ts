import { existsSync, readFileSync } from 'node:fs';
import { folders, openFileCore, withStaff } from '../backups/helpers.ts';

// A guest with distinctive strings, so a byte search of the database file can only find them where they are.
export const PERSON = {
  familyName: '轟木',
  givenName: '雫',
  familyReading: 'とどろき',
  givenReading: 'しずく',
  phone: '090-7531-8642',
  phoneDigits: '09075318642',
  romaji: 'todoroki',
  renamed: '轟木原',
  email: 'shizuku.todoroki@example.jp',
  address: '鳴神町九番',
};

export const BYTE_NEEDLES = [
  PERSON.familyName,
  PERSON.givenName,
  PERSON.familyReading,
  PERSON.givenReading,
  PERSON.phone,
  PERSON.phoneDigits,
  PERSON.romaji,
  PERSON.email,
  PERSON.address,
];

/** Which of the strings the database file or its -wal still holds, as bytes (UTF-8, as SQLite keeps text). */
export function bytesFound(file: string, needles: readonly string[] = BYTE_NEEDLES): string[] {
  const found = new Set<string>();
  for (const path of [file, `${file}-wal`]) {
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.add(needle);
  }
  return [...found];
}

export const DAY_MS = 86_400_000;

/** A core on a real file with a clock the test moves, a staff member chosen. */
export async function fileCore(start: string) {
  const dirs = folders();
  const clock = { now: Date.parse(start) };
  const open = async () => {
    const opened = openFileCore(dirs.file, { clock: () => clock.now });
    return opened;
  };
  const first = await open();
  await withStaff(first.call);
  return { dirs, clock, open, ...first };
}

export const personFields = {
  familyName: PERSON.familyName,
  givenName: PERSON.givenName,
  familyReading: PERSON.familyReading,
  givenReading: PERSON.givenReading,
  phones: [{ number: PERSON.phone, label: 'mobile' }],
  email: PERSON.email,
  address: PERSON.address,
  note: '轟木様は窓側を好む',
};
