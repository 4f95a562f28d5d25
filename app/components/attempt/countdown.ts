/**
 * The attempt page's countdown: from the seconds left the server gave, on
 * the page's own monotonic clock (performance.now, not the device's time of
 * day, which may be wrong or jump), re-synced whenever the server says again
 * (every save) and when the tab becomes visible (a sleeping tab's timers
 * drift). Announces 10, 5 and 1 minutes left once each, for screen readers.
 */
import { useCallback, useEffect, useRef, useState } from "react";

/** Seconds left at which the page says so aloud. */
export const ANNOUNCE_AT = [600, 300, 60] as const;

export function announcementFor(previousSeconds: number, seconds: number): string | null {
  // Of several marks crossed at once (a tab asleep), the nearest is what holds now.
  const crossed = ANNOUNCE_AT.filter((mark) => previousSeconds > mark && seconds <= mark).at(-1);
  if (crossed === undefined) return null;
  return crossed === 60 ? "1 minute left." : `${crossed / 60} minutes left.`;
}

export function useCountdown(initialSeconds: number, resync?: () => Promise<number | null>) {
  const base = useRef<{ at: number; seconds: number } | null>(null);
  const [seconds, setSeconds] = useState(initialSeconds);
  const [announcement, setAnnouncement] = useState("");
  const last = useRef(initialSeconds);

  const tick = useCallback(() => {
    if (!base.current) return;
    const left = Math.max(0, base.current.seconds - (performance.now() - base.current.at) / 1000);
    const said = announcementFor(last.current, left);
    if (said) setAnnouncement(said);
    last.current = left;
    setSeconds(left);
  }, []);

  /** The server's word on the seconds left: the count goes on from it. */
  const sync = useCallback(
    (serverSeconds: number) => {
      base.current = { at: performance.now(), seconds: serverSeconds };
      tick();
    },
    [tick],
  );

  useEffect(() => {
    base.current = { at: performance.now(), seconds: initialSeconds };
    const timer = setInterval(tick, 250);
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      tick();
      void resync?.().then((s) => (s === null ? undefined : sync(s)));
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
    // The page's first seconds only: later ones come through sync.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { seconds, announcement, sync };
}
