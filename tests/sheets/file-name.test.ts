import { describe, expect, it } from 'vitest';
import { safePdfFileName } from '../../electron/sheets/file-name.ts';

describe('the suggested file name of a saved sheet', () => {
  it('keeps a plain name and makes it end in .pdf', () => {
    expect(safePdfFileName('yadocho-briefing-2026-11-23.pdf')).toBe('yadocho-briefing-2026-11-23.pdf');
    expect(safePdfFileName('調理場シート 11月23日')).toBe('調理場シート 11月23日.pdf');
    expect(safePdfFileName('sheet.PDF')).toBe('sheet.pdf');
  });

  it('drops folders, characters Windows refuses, control characters and leading dots', () => {
    expect(safePdfFileName('..\\..\\Windows\\system.ini')).toBe('system.ini.pdf');
    expect(safePdfFileName('a<b>c:d"e|f?g*h\u0000i\n.pdf')).toBe('abcdefghi.pdf');
    expect(safePdfFileName('...hidden')).toBe('hidden.pdf');
  });

  it('falls back to a fixed name when nothing usable is left, and stays short', () => {
    for (const bad of ['', '...', '/', '.pdf', null, 42]) expect(safePdfFileName(bad)).toBe('yadocho.pdf');
    expect(safePdfFileName('あ'.repeat(500)).length).toBe(120);
  });
});
