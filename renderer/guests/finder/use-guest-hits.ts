import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/contract/guests.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../app/notify.ts';

export type GuestHits = {
  hits: SearchHit[];
  /** The text these hits answer: while a newer search is on its way, Enter must not take an older answer. */
  answered: string;
  failure: string | null;
};

/**
 * Guests matching what is typed, as the desk's search finds them (name, reading, romaji, phone). A failed
 * search says so rather than looking like "no guest matches".
 */
export function useGuestHits(q: string, limit = 6): GuestHits {
  const [found, setFound] = useState<GuestHits>({ hits: [], answered: '', failure: null });
  const sequence = useRef(0);
  useEffect(() => {
    const mine = ++sequence.current;
    if (!q.trim()) {
      setFound({ hits: [], answered: q, failure: null });
      return;
    }
    call('guests.search', { q: q.slice(0, 100), limit }).then(
      (result) => {
        if (mine === sequence.current) setFound({ hits: result.hits, answered: q, failure: null });
      },
      (failure) => {
        if (mine === sequence.current) setFound({ hits: [], answered: q, failure: errorMessage(failure) });
      },
    );
  }, [q, limit]);
  return found;
}
