// A browser tab that has no token (opened by hand, or left from before serve restarted with a new one), end
// to end in real Chromium against the real HTTP door (run `npm run build:renderer` first). In a browser there
// is no app to reopen: the page says to open the address `npm run serve` printed. The desktop app, which the
// page recognises by the preload's bridge, keeps its own words.

import { expect, test } from './fixtures.ts';

/** The app's address without the #token=… that `npm run serve` prints with it. */
const withoutToken = (pageUrl: string) => pageUrl.replace(/#token=.*$/, '');

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('a tab without the token says to open the address npm run serve printed', async ({ page, app }) => {
    await page.goto(withoutToken(app.url));
    const message = page.getByTestId('load-error');
    await expect(message).toContainText('npm run serve が表示したアドレス');
    await expect(message).not.toContainText('アプリから開き直して');
  });

  test('the desktop app (the preload’s bridge present) keeps saying to open the app again', async ({ page, app }) => {
    // A stand-in for the preload's window.yadocho whose main process refuses the call as unauthorized.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'yadocho', {
        value: { invoke: async () => ({ ok: false, error: { code: 'unauthorized' } }), on: () => () => {} },
      });
    });
    await page.goto(withoutToken(app.url));
    await expect(page.getByTestId('load-error')).toHaveText('接続が認証されていません。アプリから開き直してください。');
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('a tab without the token says to open the address npm run serve printed', async ({ page, app }) => {
    await page.goto(withoutToken(app.url));
    await expect(page.getByTestId('load-error')).toContainText('Open the address printed by npm run serve');
  });
});
