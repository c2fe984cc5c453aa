/** Records activity and locks the session after settings.lockAfterMinutes without any (Art. 3.7). */
import { useEffect } from 'react';
import { useStoreApi } from '../../stores/AppContext';

/** How often the idle rule is checked. */
const CHECK_EVERY_MS = 10_000;
/** Activity closer together than this is not recorded again (keeps typing cheap). */
const TOUCH_EVERY_MS = 2_000;

export function useIdleLock(): void {
  const store = useStoreApi();
  useEffect(() => {
    let lastTouch = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastTouch < TOUCH_EVERY_MS) return;
      lastTouch = now;
      store.getState().touch();
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true });
    const timer = window.setInterval(() => store.getState().checkIdle(), CHECK_EVERY_MS);
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity);
      window.clearInterval(timer);
    };
  }, [store]);
}
