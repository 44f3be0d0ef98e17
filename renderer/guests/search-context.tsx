import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { SearchHit } from '../../shared/contract/guests.ts';
import type { CallError } from '../../shared/contract/index.ts';
import { call } from '../api/client.ts';
import { toCallError, useChanged } from '../api/hooks.ts';
import { navigate } from '../app/route.ts';

// The search lives in the header and its results on the search page: this context joins them.
// Every change of the query searches at once (the core answers in well under a millisecond); the latest
// query wins, and an answer to an older one is dropped. A change to guests searches the query again.

const MAX_QUERY = 100; // the contract's limit

type Results = { query: string; hits: SearchHit[]; error?: CallError };

type Search = {
  /** What the search box shows. */
  text: string;
  /** What was searched: the text, except while an IME composition is in progress. */
  query: string;
  results: Results;
  highlight: number;
  inputRef: RefObject<HTMLInputElement | null>;
  setText(text: string, searchNow: boolean): void;
  move(delta: number): void;
  setHighlight(index: number): void;
  /** Opens the highlighted guest (or the first), waiting for the answer to the current query if needed. */
  openHighlighted(): void;
  clear(): void;
  focus(): void;
};

const SearchContext = createContext<Search | null>(null);
// Focusing the box is all the frame needs; a separate, stable context keeps the whole frame (header,
// staff switcher) from re-rendering on every keystroke, which cost ~10 ms a keystroke in Chromium.
const FocusContext = createContext<() => void>(() => {});

export function useSearchFocus(): () => void {
  return useContext(FocusContext);
}

export function useSearch(): Search {
  const search = useContext(SearchContext);
  if (!search) throw new Error('useSearch outside SearchProvider');
  return search;
}

export function SearchProvider({ children }: { children: ReactNode }) {
  const [text, setTextState] = useState('');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results>({ query: '', hits: [] });
  const [highlight, setHighlight] = useState(0);
  const [pendingOpen, setPendingOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const sequence = useRef(0);
  const queryRef = useRef(query);
  queryRef.current = query;

  const shownQuery = useRef('');
  /** Which search sent the answer on screen. */
  const shownSequence = useRef(0);

  const run = useCallback((q: string) => {
    const mine = ++sequence.current;
    const keep = (next: Results) => {
      // An answer to a query that is no longer the one asked is stale, and so is one sent before the answer on
      // screen. A refetch of the same query (a change arrived) does not make the keystroke's own answer wait
      // for it: while a sync brings changes several times a second, it often would.
      if (next.query !== queryRef.current || mine < shownSequence.current) return;
      shownSequence.current = mine;
      if (shownQuery.current !== next.query) setHighlight(0); // a refetch of the same query keeps the row
      shownQuery.current = next.query;
      setResults(next);
    };
    if (!q.trim()) {
      keep({ query: q, hits: [] });
      return;
    }
    call('guests.search', { q: q.slice(0, MAX_QUERY), limit: 20 }).then(
      ({ hits }) => keep({ query: q, hits }),
      (error: unknown) => keep({ query: q, hits: [], error: toCallError(error) }),
    );
  }, []);

  // The search is sent from the input handler itself, not from an effect after the re-render: the
  // answer is then on its way while React renders the keystroke (measured: 15-30 ms earlier).
  useChanged(['guests', 'guest_links'], () => run(queryRef.current));

  // Enter pressed before the answer to the current query arrived: open once it is here.
  useEffect(() => {
    if (!pendingOpen || results.query !== query) return;
    setPendingOpen(false);
    const hit = results.hits[highlight] ?? results.hits[0];
    if (hit) navigate({ name: 'guest', id: hit.id });
  }, [pendingOpen, results, query, highlight]);

  const focus = useCallback(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const value = useMemo<Search>(
    () => ({
      text,
      query,
      results,
      highlight: Math.min(highlight, Math.max(results.hits.length - 1, 0)),
      inputRef,
      setText(next, searchNow) {
        setTextState(next);
        if (searchNow && next !== queryRef.current) {
          queryRef.current = next;
          run(next);
          setQuery(next);
        }
      },
      move(delta) {
        const count = results.hits.length;
        if (count === 0) return;
        setHighlight((current) => Math.min(count - 1, Math.max(0, current + delta)));
      },
      setHighlight,
      openHighlighted() {
        if (!query.trim()) return;
        setPendingOpen(true);
      },
      clear() {
        setTextState('');
        queryRef.current = '';
        run('');
        setQuery('');
        setPendingOpen(false);
      },
      focus,
    }),
    [text, query, results, highlight, focus, run],
  );

  return (
    <FocusContext.Provider value={focus}>
      <SearchContext.Provider value={value}>{children}</SearchContext.Provider>
    </FocusContext.Provider>
  );
}
