import { useEffect, useState } from 'react';
import type { EditableStay } from '../../shared/contract/stays.ts';
import { call } from '../api/client.ts';
import { notifyError } from '../app/notify.ts';
import { StayForm } from './StayForm.tsx';

/**
 * The stay dialog for a stay already recorded: it reads the stay as it is now (stays.get, with the version the
 * edit is based on) and opens on that. The card lists its stays without versions (a lookup in the change log
 * per stay shown, on the desk's busiest read), and a form opened on what the card read earlier could start from
 * values someone has changed since. Read once: a change made while the form is open is caught when it saves.
 */
export function EditStay({ guestId, stayId, onClose }: { guestId: string; stayId: string; onClose(): void }) {
  const [stay, setStay] = useState<EditableStay | null>(null);
  useEffect(() => {
    let open = true;
    call('stays.get', { id: stayId }).then(
      (found) => {
        if (open) setStay(found);
      },
      (error: unknown) => {
        if (!open) return;
        notifyError(error);
        onClose();
      },
    );
    return () => {
      open = false;
    };
  }, [stayId, onClose]);
  return stay ? <StayForm guestId={guestId} stay={stay} onClose={onClose} /> : null;
}
