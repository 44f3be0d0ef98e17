import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { GuestCard } from '../../shared/contract/guests.ts';
import type { FormValues } from './form-model.ts';
import { GuestForm } from './GuestForm.tsx';

// One guest form for the whole app (new guest from the header, the search page or a card; edit from a card).

export type FormRequest = { mode: 'new'; prefill: Partial<FormValues> } | { mode: 'edit'; card: GuestCard };

type GuestFormApi = {
  openNew(prefill?: Partial<FormValues>): void;
  openEdit(card: GuestCard): void;
};

const GuestFormContext = createContext<GuestFormApi | null>(null);

export function useGuestForm(): GuestFormApi {
  const api = useContext(GuestFormContext);
  if (!api) throw new Error('useGuestForm outside GuestFormProvider');
  return api;
}

export function GuestFormProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<FormRequest | null>(null);
  // A new key per opening: the form starts from its request's values every time.
  const [opening, setOpening] = useState(0);
  const api = useMemo<GuestFormApi>(
    () => ({
      openNew(prefill = {}) {
        setOpening((n) => n + 1);
        setRequest({ mode: 'new', prefill });
      },
      openEdit(card) {
        setOpening((n) => n + 1);
        setRequest({ mode: 'edit', card });
      },
    }),
    [],
  );
  return (
    <GuestFormContext.Provider value={api}>
      {children}
      {request && <GuestForm key={opening} request={request} onClose={() => setRequest(null)} />}
    </GuestFormContext.Provider>
  );
}
