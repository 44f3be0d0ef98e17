import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { ConflictsProvider } from '../conflicts/conflicts-context.tsx';
import { GuestFormProvider } from '../guests/form-context.tsx';
import { SearchProvider } from '../guests/search-context.tsx';
import { LockProvider } from '../staff/lock-context.tsx';
import { PerPerson, StaffProvider } from '../staff/staff-context.tsx';
import { SyncProvider } from '../sync/sync-context.tsx';
import { InnClockProvider } from './inn-clock.tsx';
import { Shell } from './Shell.tsx';

// Japanese text first: Noto Sans JP / CJK JP (Linux), Hiragino (macOS), Yu Gothic / Meiryo (Windows).
const FONT =
  'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic UI", "Yu Gothic", Meiryo, sans-serif';

const theme = createTheme({
  fontFamily: FONT,
  headings: { fontFamily: FONT },
  primaryColor: 'indigo',
  defaultRadius: 'md',
});

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        {/* Bottom left: dialogs keep their buttons at the bottom right, and a notice must never cover them. */}
        <Notifications position="bottom-left" containerWidth={360} />
        <InnClockProvider>
          <StaffProvider>
            <LockProvider>
              <PerPerson>
                <ConflictsProvider>
                  <SyncProvider>
                    <SearchProvider>
                      <GuestFormProvider>
                        <Shell />
                      </GuestFormProvider>
                    </SearchProvider>
                  </SyncProvider>
                </ConflictsProvider>
              </PerPerson>
            </LockProvider>
          </StaffProvider>
        </InnClockProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
