import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';

// The footer's "printed at" is on the inn's clock. The sheets are made in a child process whose own zone is
// New York (TZ), as on a PC left on the wrong zone: the footer must still say the inn's time, never New York's.

const run = promisify(execFile);
const briefing = fileURLToPath(new URL('../../electron/sheets/briefing.ts', import.meta.url));
const kitchen = fileURLToPath(new URL('../../electron/sheets/kitchen.ts', import.meta.url));
const fixture = fileURLToPath(new URL('./arrivals-fixture.ts', import.meta.url));

/** 06:07 UTC on 23 November 2026: 15:07 in Tokyo, 01:07 in New York, 06:07 in London. */
const PRINTED = '2026-11-23T06:07:00Z';

async function sheetInNewYork(sheet: 'briefing' | 'kitchen', lang: 'ja' | 'en', timeZone?: string): Promise<string> {
  const script = `
    const { ${sheet === 'briefing' ? 'makeBriefingPdf: make' : 'makeKitchenPdf: make'} } = await import(${JSON.stringify(sheet === 'briefing' ? briefing : kitchen)});
    const { arrivalsOf, alertedArrival } = await import(${JSON.stringify(fixture)});
    const options = { now: new Date(${JSON.stringify(PRINTED)}), ${timeZone ? `timeZone: ${JSON.stringify(timeZone)}` : ''} };
    const pdf = await make(arrivalsOf([alertedArrival()]), ${JSON.stringify(lang)}, options);
    process.stdout.write(pdf.toString('base64'));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, TZ: 'America/New_York' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return pdfText(Buffer.from(stdout, 'base64'));
}

describe('the printed time on the sheets', () => {
  it('is the inn’s (Asia/Tokyo by default) when the process runs in New York', async () => {
    const text = await sheetInNewYork('briefing', 'ja');
    expect(text).toContain('2026年11月23日(月) 15:07 印刷');
    expect(text).not.toContain('01:07');
  });

  it('follows the inn’s zone when it is another, on both sheets and in English', async () => {
    expect(await sheetInNewYork('kitchen', 'en', 'Europe/London')).toContain('Printed Mon 23 Nov 2026 06:07');
    // The day is the inn's too: in Honolulu it is still the evening of the 22nd.
    expect(await sheetInNewYork('briefing', 'ja', 'Pacific/Honolulu')).toContain('2026年11月22日(日) 20:07 印刷');
  });
});
