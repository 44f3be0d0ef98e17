import { useRef, useState } from 'react';
import type { PostcodeCandidate } from '../../shared/contract/addresses.ts';
import { postcodeDigits } from '../../shared/text/postcode.ts';
import { CallErrorException, call } from '../api/client.ts';
import { errorMessage } from '../app/notify.ts';
import { afterLookup, type PostcodeNote } from './postcode-fill.ts';

type Options = {
  /** The postcode the form opened with: not looked up again until the staff change it. */
  initialPostcode: string;
  /** The address field as it is now (read when an answer arrives, not when the lookup starts). */
  address(): string;
  setAddress(address: string): void;
};

/**
 * Looks the postcode up once it is seven digits (〒１００−０００１ counts), and fills or offers the address
 * (postcode-fill.ts). An answer that arrives after the postcode changed again is dropped.
 */
export function usePostcodeFill({ initialPostcode, address, setAddress }: Options) {
  const [note, setNote] = useState<PostcodeNote>({ kind: 'none' });
  const latest = useRef<string | null>(postcodeDigits(initialPostcode));
  const autoFilled = useRef<string | null>(null);

  const put = (text: string) => {
    autoFilled.current = text;
    setAddress(text);
  };

  const postcodeTyped = async (typed: string) => {
    const digits = postcodeDigits(typed);
    if (digits === latest.current) return;
    latest.current = digits;
    if (digits === null) return setNote({ kind: 'none' });
    try {
      const answer = await call('addresses.byPostcode', { postcode: digits });
      if (latest.current !== digits) return;
      const { fill, note: next } = afterLookup(answer.postcode, answer.candidates, address(), autoFilled.current);
      if (fill !== undefined) put(fill);
      setNote(next);
    } catch (error) {
      if (latest.current !== digits) return;
      const unknown = error instanceof CallErrorException && error.error.detail === 'postcode_unknown';
      setNote({ kind: unknown ? 'unknown' : 'failed', message: errorMessage(error) });
    }
  };

  const choose = (candidate: PostcodeCandidate, postcode: string) => {
    put(candidate.address);
    setNote({ kind: 'filled', postcode });
  };

  /** Whether the address still holds only what a lookup put there (the caret then goes to its end). */
  const isAutoFilled = (text: string) => autoFilled.current !== null && text === autoFilled.current;

  return { note, postcodeTyped, choose, isAutoFilled };
}
