import { useEffect, useRef } from 'react';
import { isTyping } from '../app/shortcuts.ts';

// The review is keyboard first: ↑/↓ between candidates, M merge, N not the same person, L later. Keys typed in
// a field, with a modifier, or while a dialog is open (Enter confirms it) are not the review's.

export type ReviewKeys = { up(): void; down(): void; merge(): void; notSame(): void; later(): void };

export function useReviewKeys(enabled: boolean, keys: ReviewKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const action = {
        ArrowUp: latest.current.up,
        ArrowDown: latest.current.down,
        m: latest.current.merge,
        n: latest.current.notSame,
        l: latest.current.later,
      }[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
