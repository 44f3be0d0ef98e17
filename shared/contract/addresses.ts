import { z } from 'zod';
import { postcodeDigits } from '../text/postcode.ts';
import { call } from './define.ts';

// Addresses from the postcode (〒): Japan Post's postcode data ships with the app (resources/postcodes), so the
// desk gets the prefecture, city and town without internet.

/** A postcode as typed (〒１００−０００１, 100-0001, 1000001), read as its seven digits. */
const typedPostcode = z
  .string({ error: 'invalid_type' })
  .max(30, { error: 'postal_invalid' })
  .refine((value) => postcodeDigits(value) !== null, { error: 'postal_invalid' })
  .transform((value) => postcodeDigits(value) as string);

export const postcodeCandidateSchema = z.object({
  prefecture: z.string(),
  city: z.string(),
  /** Empty where Japan Post names no town for the postcode (a city's catch-all postcode, 060-0000). */
  town: z.string(),
  /** prefecture + city + town, as it goes into the address field. */
  address: z.string(),
});
export type PostcodeCandidate = z.infer<typeof postcodeCandidateSchema>;

export const addressCalls = {
  'addresses.byPostcode': call({
    summary:
      'The prefecture, city and town of a postcode, from Japan Post’s data shipped with the app (no internet). Typed in any form: with 〒, full-width digits, any dash or none. Several towns (or cities) can share one postcode: all are answered, in Japan Post’s order. A postcode Japan Post does not list answers not_found (detail postcode_unknown); one that is not seven digits, invalid_input (postal_invalid).',
    writes: false,
    input: z.object({ postcode: typedPostcode }).strict(),
    output: z.object({
      /** The postcode as stored on a guest: 100-0001. */
      postcode: z.string(),
      candidates: z.array(postcodeCandidateSchema),
    }),
  }),
};
