import { useEffect, useRef } from 'react';

/** What counts as someone at the PC: a key, a click or tap, the mouse moving, the wheel. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `minutes` without any input in this window (0 or disabled: never). Activity only
 * notes the time; one timer checks it when due and waits the rest, so moving the mouse costs no timer churn.
 */
export function useIdleTimer(minutes: number, enabled: boolean, onIdle: () => void): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    let timer = 0;
    const check = () => {
      const idle = Date.now() - lastActivity;
      if (idle >= limit) latest.current();
      else timer = window.setTimeout(check, limit - idle);
    };
    const noteActivity = () => {
      lastActivity = Date.now();
    };
    timer = window.setTimeout(check, limit);
    for (const event of ACTIVITY) window.addEventListener(event, noteActivity, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, noteActivity, { capture: true });
    };
  }, [minutes, enabled]);
}
