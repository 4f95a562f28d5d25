/**
 * Labels for study days ("YYYY-MM-DD") and counts in charts. A study day is a
 * calendar date, so it is formatted in UTC with a fixed locale: the server and
 * the browser then print the same text (no hydration mismatch).
 */
const formats = {
  short: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }),
  long: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" }),
  month: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short" }),
};

/** "3 Mar" (short), "Tue 3 Mar 2026" (long) or "Mar" (month). */
export function formatDay(day: string, style: keyof typeof formats = "short"): string {
  return formats[style].format(new Date(`${day}T00:00:00Z`));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** A round upper bound for an axis (1, 2, 5, 10, 20, 50…) at least `max`. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}
