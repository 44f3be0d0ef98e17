// Saving a printed sheet as a PDF. In Electron the main process prints the page on screen (the print view)
// to PDF and asks where to save it; in a browser the HTTP door makes the PDF (GET /api/sheets/<sheet>.pdf)
// and the page downloads it. Failures reject with CallErrorException, so callers show them with attempt().

import type { CallError } from '../../shared/contract/index.ts';
import { authToken, CallErrorException, call } from './client.ts';
import { saveBlob } from './files.ts';

export type Sheet = 'briefing' | 'kitchen';
export type SheetParams = { date: string; stayId?: string; lang: 'ja' | 'en' };

/** Sending a sheet to the printer, for the access log (the print dialog itself tells the page nothing more). */
export async function recordSheetPrinted(sheet: Sheet, params: Omit<SheetParams, 'lang'>): Promise<void> {
  await call('accessLog.sheetPrinted', { sheet, ...params, via: 'print' });
}

type PrintBridge = { printToPdf?: (fileName: string) => Promise<boolean> };

const connectionLost: CallError = { code: 'internal', detail: 'connection_lost' };

function isCallError(body: unknown): body is { ok: false; error: CallError } {
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string';
}

export async function saveSheetPdf(sheet: Sheet, params: SheetParams): Promise<void> {
  const fileName = `yadocho-${sheet}-${params.date}.pdf`;
  const bridge = (window as unknown as { yadocho?: PrintBridge }).yadocho;
  if (typeof bridge?.printToPdf === 'function') {
    let saved: boolean;
    try {
      // false: the person closed the save dialog, which is not an error (and nothing left the PC).
      saved = await bridge.printToPdf(fileName);
    } catch {
      throw new CallErrorException({ code: 'internal' });
    }
    // The core did not see this PDF being made: the access log hears it from here. (The HTTP door records
    // the PDFs it makes itself.)
    if (saved) {
      const { lang: _lang, ...which } = params;
      await call('accessLog.sheetPrinted', { sheet, ...which, via: 'pdf' });
    }
    return;
  }

  const query = new URLSearchParams({ date: params.date, lang: params.lang });
  if (params.stayId) query.set('stayId', params.stayId);
  let response: Response;
  try {
    response = await fetch(`/api/sheets/${sheet}.pdf?${query}`, { headers: { 'x-yadocho-token': authToken() } });
  } catch {
    throw new CallErrorException(connectionLost);
  }
  if (!response.ok || !(response.headers.get('content-type') ?? '').startsWith('application/pdf')) {
    const body: unknown = await response.json().catch(() => null);
    throw new CallErrorException(isCallError(body) ? body.error : connectionLost);
  }
  saveBlob(await response.blob(), fileName);
}
