/**
 * The learner's study day. A study day runs from 4 am to 4 am in the learner's
 * IANA time zone (Anki's "next day starts at" default), so a late-night session
 * counts towards the day it began. DST-safe: boundaries are computed from the
 * zone's wall clock with Intl, so a study day may last 23 or 25 hours.
 */

/** Hour of the local day at which a new study day begins. */
export const DAY_ROLLOVER_HOUR = 4;

const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows ("Europe/Paris", "UTC"). */
let supportedZones: Set<string> | undefined;

/**
 * A time zone a device reported, as one of this server's supported IANA
 * zones (Intl.supportedValuesOf), or null. Aliases a browser may report and
 * the list leaves out ("UTC", "Asia/Kolkata" where the list has
 * "Asia/Calcutta") are taken in the form the list has.
 */
export function supportedTimeZone(zone: unknown): string | null {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return null;
  supportedZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (zone === "UTC" || supportedZones.has(zone)) return zone;
  try {
    const canonical = new Intl.DateTimeFormat("en-GB", { timeZone: zone }).resolvedOptions().timeZone;
    return canonical === "UTC" || supportedZones.has(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.trim() === "") return false;
  try {
    wallClockFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts = wallClockFormatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** The zone's offset from UTC at instant `ms`, in ms (positive east of Greenwich). */
export function timeZoneOffsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the zone's wall clock shows the given local time. For a
 * time skipped by a DST jump it returns the instant just after the jump.
 */
function instantOfWallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  timeZone: string,
  minute = 0,
): number {
  const target = Date.UTC(year, month - 1, day, hour, minute);
  let guess = target - timeZoneOffsetMs(target, timeZone);
  // Two corrections settle on the offset in force at the answer.
  for (let i = 0; i < 2; i++) {
    guess = target - timeZoneOffsetMs(guess, timeZone);
  }
  return guess;
}

/** "YYYY-MM-DD" of a UTC calendar date given as ms at midnight UTC. */
function formatDay(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a study day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The study day ("YYYY-MM-DD") that instant `now` belongs to in `timeZone`. */
export function studyDay(now: Date | number, timeZone: string): string {
  const w = wallClock(+now, timeZone);
  const calendarDay = Date.UTC(w.year, w.month - 1, w.day);
  return formatDay(w.hour < DAY_ROLLOVER_HOUR ? calendarDay - MS_PER_DAY : calendarDay);
}

/** Epoch ms at which study day `day` begins (4 am local). */
export function startOfDay(day: string, timeZone: string): number {
  const d = new Date(parseDay(day));
  return instantOfWallClock(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    DAY_ROLLOVER_HOUR,
    timeZone,
  );
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a local date and time ("YYYY-MM-DDTHH:MM", as a datetime-local
 * input gives it) names in `timeZone`; NaN when it is not one.
 */
export function instantOfLocalTime(local: string, timeZone: string): number {
  const m = LOCAL_TIME.exec(local);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return Number.NaN;
  return instantOfWallClock(year, month, day, hour, timeZone, minute);
}

/** The local date and time ("YYYY-MM-DDTHH:MM") of instant `ms` in `timeZone`: a datetime-local input's value. */
export function localTimeOf(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** The study day `n` days after `day` (negative n goes back). */
export function addDays(day: string, n: number): string {
  return formatDay(parseDay(day) + n * MS_PER_DAY);
}

/** Whole days from study day `from` to study day `to` (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to) - parseDay(from)) / MS_PER_DAY);
}

export interface StudyDayBounds {
  day: string;
  /** Epoch ms at which the day begins (inclusive)... */
  start: number;
  /** ...and ends (exclusive): the next day's start. */
  end: number;
}

/**
 * The last study day computed per zone. Every review request asks for today's
 * bounds several times, and each costs a dozen Intl calls; an instant inside
 * the remembered [start, end) is in that day by construction.
 */
const lastDayByZone = new Map<string, StudyDayBounds>();

/** The study day containing `now`, with its bounds. */
export function studyDayBounds(now: Date | number, timeZone: string): StudyDayBounds {
  const ms = +now;
  const last = lastDayByZone.get(timeZone);
  if (last && last.start <= ms && ms < last.end) return last;
  const day = studyDay(ms, timeZone);
  const bounds = { day, start: startOfDay(day, timeZone), end: startOfDay(addDays(day, 1), timeZone) };
  lastDayByZone.set(timeZone, bounds);
  return bounds;
}

/** Epoch ms at which the study day containing `now` began. */
export function startOfStudyDay(now: Date | number, timeZone: string): number {
  return studyDayBounds(now, timeZone).start;
}

/** Epoch ms at which the study day containing `now` ends (= next one begins). */
export function endOfStudyDay(now: Date | number, timeZone: string): number {
  return studyDayBounds(now, timeZone).end;
}
