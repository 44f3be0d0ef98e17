import { Alert, Button, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks.ts';
import { recordSheetPrinted, saveSheetPdf } from '../api/sheets.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { FLOOR_TABLES } from '../kitchen/display.ts';
import { BriefingSheet } from './BriefingSheet.tsx';
import { KitchenSheet } from './KitchenSheet.tsx';
import styles from './PrintPage.module.css';

/** A4 with a 12 mm margin; only while this page is shown. */
const PAGE_CSS = '@page { size: A4; margin: 12mm; }';

/**
 * A printed sheet, rendered without the app frame so it prints clean: the briefing (one page per room) or the
 * kitchen sheet (one table). The toolbar (print, save as PDF, back) is hidden on paper.
 */
export function PrintPage({ sheet, date, stayId }: { sheet: 'briefing' | 'kitchen'; date: string; stayId?: string }) {
  const { t, i18n } = useTranslation();
  const [saving, setSaving] = useState(false);
  const query = useQuery('arrivals.forDate', stayId ? { date, stayId } : { date }, FLOOR_TABLES);
  const printedAt = useInnClock().dateTime(new Date().toISOString());

  const savingPdf = useRef(false);
  const savePdf = async () => {
    setSaving(true);
    savingPdf.current = true;
    const lang = i18n.language === 'en' ? 'en' : 'ja';
    await attempt(() => saveSheetPdf(sheet, stayId ? { date, stayId, lang } : { date, lang }));
    savingPdf.current = false;
    setSaving(false);
  };

  // Whatever starts the print dialog (the button, Ctrl+P, the browser's menu), the page hears `beforeprint`:
  // the access log records the sheet as sent to the printer. A PDF being saved is recorded as one already.
  useEffect(() => {
    const onBeforePrint = () => {
      if (savingPdf.current) return;
      void attempt(() => recordSheetPrinted(sheet, stayId ? { date, stayId } : { date }));
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [sheet, date, stayId]);

  return (
    <div className={styles.screen} data-testid="print-page" data-sheet={sheet}>
      <style>{PAGE_CSS}</style>
      <div className={styles.toolbar}>
        <Button
          component="a"
          variant="default"
          size="xs"
          href={routeHref({ name: 'arrivals', date })}
          data-testid="print-back"
        >
          ← {t('kitchen.print.back')}
        </Button>
        <Button size="xs" onClick={() => window.print()} data-testid="print-now">
          {t('kitchen.print.print')}
        </Button>
        <Button size="xs" variant="light" loading={saving} onClick={savePdf} data-testid="save-pdf">
          {t('kitchen.print.savePdf')}
        </Button>
        <Text size="sm" c="dimmed">
          {sheet === 'briefing' ? t('sheet.briefingTitle') : t('sheet.kitchenTitle')}
        </Text>
      </div>
      {query.error && (
        <Alert color="red" maw={600} mx="auto">
          {errorMessage(query.error)}
        </Alert>
      )}
      {!query.data && !query.error && <Loader mx="auto" display="block" />}
      {query.data &&
        (sheet === 'briefing' ? (
          <BriefingSheet data={query.data} printedAt={printedAt} />
        ) : (
          <KitchenSheet data={query.data} printedAt={printedAt} />
        ))}
    </div>
  );
}
