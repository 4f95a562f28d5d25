/**
 * Times on the assessment pages, in the reader's own time zone (their
 * settings'), formatted the same way by the server and by the browser:
 * "Mon 2 Mar 2026, 09:00", "09:03:22", and a countdown's "29:05".
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone} ${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      ...(withDate
        ? { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }
        : { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
    });
    formatters.set(key, f);
  }
  return f;
}

/** "Mon 2 Mar 2026, 09:00" in the zone. */
export function formatDateTime(ms: number, timeZone: string): string {
  const parts = formatter(timeZone, true).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")}`;
}

/** "09:03:22" in the zone: when an answer was saved. */
export function formatClockTime(ms: number, timeZone: string): string {
  return formatter(timeZone, false).format(new Date(ms));
}

/** A countdown: "29:05", "1:02:03"; never negative. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const two = (n: number) => String(n).padStart(2, "0");
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${two(minutes)}:${two(s % 60)}` : `${minutes}:${two(s % 60)}`;
}
