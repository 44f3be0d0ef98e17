import { type Disclosure, disclosureSchema } from '../../../shared/contract/guest-rights.ts';
import { GUEST_RIGHTS_LABELS } from '../../../shared/i18n/guest-rights-labels.ts';
import { familyFirst } from '../../../shared/text/person-name.ts';
import { makeDisclosurePdf } from '../../sheets/disclosure.ts';
import { makeGuestRegisterPdf } from '../../sheets/guest-register.ts';
import { personIdOf } from '../access/check.ts';
import { recordAccess } from '../access/record.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { toCsv } from '../files/csv.ts';
import { findGuestRow } from '../guests/card.ts';
import { buildDisclosure } from './disclosure.ts';
import { guestRegister } from './register.ts';
import { registerCsvRows } from './register-csv.ts';
import { retentionReviewInSlices } from './retention.ts';

// The guest's rights and the 宿泊者名簿 (docs/guest-rights.md). Files are made here, in the core, and handed to
// the file store for the screen to download (files.download): the same PDF and CSV reach Electron (IPC) and a
// browser (HTTP), and the disclosure is one call whose caller the core knows, for the access log.

type GuestRightsCalls =
  | 'registers.guestRegister'
  | 'registers.guestRegisterFile'
  | 'guests.disclose'
  | 'guests.retentionReview';

const TYPES = { pdf: 'application/pdf', csv: 'text/csv;charset=utf-8', json: 'application/json;charset=utf-8' };

/** A file name without the characters Windows or macOS refuse (a name could hold a slash). */
function safeName(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed.
  return text.replace(/[\u0000-\u001f\u007f<>:"/\\|?*\s]+/g, '');
}

export function guestRightsHandlers(ctx: CoreContext): Handlers<GuestRightsCalls> {
  return {
    'registers.guestRegister': ({ from, to }) => guestRegister(ctx, from, to),

    'registers.guestRegisterFile': async ({ from, to, format, language }, actor) => {
      const register = guestRegister(ctx, from, to);
      const bytes =
        format === 'pdf'
          ? await makeGuestRegisterPdf(register, language, { timeZone: ctx.timeZone(), now: new Date(ctx.clock()) })
          : toCsv(registerCsvRows(register, language));
      const name = `yadocho-${GUEST_RIGHTS_LABELS[language].register.file}-${from}-${to}.${format}`;
      // The register holds passport numbers and addresses of every guest of the period: an export like 書き出し.
      recordAccess(ctx, actor, { action: 'exported', detail: { what: 'guest_register', format, from, to } });
      const file = ctx.files.put({ name, type: TYPES[format], bytes, madeFor: personIdOf(actor.grant) });
      return { file, name, size: bytes.length, rows: register.rows.length };
    },

    'guests.disclose': async ({ id, format, language }, actor) => {
      findGuestRow(ctx, id);
      // Checked against its documented shape: a disclosure that does not match what docs/guest-rights.md
      // promises is a bug to find here, not in a guest's hands.
      const disclosure: Disclosure = disclosureSchema.parse(buildDisclosure(ctx, id));
      const bytes =
        format === 'pdf'
          ? await makeDisclosurePdf(disclosure, language, { timeZone: ctx.timeZone(), now: new Date(ctx.clock()) })
          : Buffer.from(`${JSON.stringify(disclosure, null, 2)}\n`, 'utf8');
      const who = safeName(familyFirst(disclosure.guest.familyName, disclosure.guest.givenName));
      const name = `yadocho-${GUEST_RIGHTS_LABELS[language].disclosure.file}-${who}-${ctx.today()}.${format}`;
      recordAccess(ctx, actor, { action: 'disclosed', guestId: id, detail: { what: format } });
      const file = ctx.files.put({ name, type: TYPES[format], bytes, madeFor: personIdOf(actor.grant) });
      return { file, name, size: bytes.length };
    },

    // A job: at a million guests the review reads the whole register, so it goes in slices with progress.
    'guests.retentionReview': ({ limit }) =>
      ctx.jobs.run('retention.review', (slice) => retentionReviewInSlices(ctx, slice, limit)),
  };
}
