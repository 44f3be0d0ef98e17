import { useEffect } from 'react';
import { CallErrorException } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { notifyError } from '../app/notify.ts';
import { StayForm } from './StayForm.tsx';

/**
 * The stay dialog for a stay already recorded: it reads the stay as it is now (stays.get, with the version the
 * edit is based on) and opens on that. The card lists its stays without versions (a lookup in the change log
 * per stay shown, on the desk's busiest read), and a form opened on what the card read earlier could start from
 * values someone has changed since. Read once (no tables to refetch on): a change made while the form is open is
 * caught when it saves.
 */
export function EditStay({ guestId, stayId, onClose }: { guestId: string; stayId: string; onClose(): void }) {
  const query = useQuery('stays.get', { id: stayId }, []);
  useEffect(() => {
    if (!query.error) return;
    notifyError(new CallErrorException(query.error)); // a stay gone since the card was read, say
    onClose();
  }, [query.error, onClose]);
  return query.data ? <StayForm guestId={guestId} stay={query.data} onClose={onClose} /> : null;
}
