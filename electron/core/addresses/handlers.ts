import { CallFailure } from '../../../shared/contract/result.ts';
import { formatPostcode } from '../../../shared/text/postcode.ts';
import type { Handlers } from '../context.ts';
import type { PostcodeBook } from './postcode-book.ts';

export function addressHandlers(postcodes: PostcodeBook): Handlers<'addresses.byPostcode'> {
  return {
    // The contract has read the typed postcode as seven digits (shared/text/postcode.ts).
    'addresses.byPostcode': ({ postcode }) => {
      const candidates = postcodes.lookup(postcode);
      if (candidates.length === 0) {
        throw new CallFailure('not_found', 'postcode_unknown', undefined, { postcode: formatPostcode(postcode) });
      }
      return { postcode: formatPostcode(postcode), candidates };
    },
  };
}
