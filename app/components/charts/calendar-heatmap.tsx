/**
 * Reviews per study day as a calendar: one column per week (Monday at the
 * top), darker for busier days. Expects days from learning/stats.ts
 * reviewHeatmap (oldest first, starting on a Monday, ending today).
 */
import { useId } from "react";
import type { DayCount } from "~/learning/stats";
import { formatDay, plural } from "./format";

const CELL = 13;
const STEP = 16;
const LEFT = 30;
const TOP = 18;
const WEEKDAY_LABELS: [number, string][] = [
  [0, "Mon"],
  [2, "Wed"],
  [4, "Fri"],
];

/** 0 for no reviews, else 1–4 by share of the busiest day. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / max)));
}

export function heatmapSummary(days: readonly DayCount[], weeks: number): string {
  const total = days.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return `No reviews in the last ${weeks} weeks.`;
  const active = days.filter((d) => d.count > 0).length;
  const busiest = days.reduce((best, d) => (d.count > best.count ? d : best));
  return (
    `${plural(total, "review")} in the last ${weeks} weeks, on ${plural(active, "day")}; ` +
    `the busiest was ${formatDay(busiest.day, "long")} with ${busiest.count}.`
  );
}

export interface CalendarHeatmapProps {
  days: readonly DayCount[];
  /** Show only the last `weeks` weeks of `days`. */
  weeks: number;
  className?: string;
}

export function CalendarHeatmap({ days: allDays, weeks, className }: CalendarHeatmapProps) {
  const titleId = useId();
  // allDays starts on a Monday; keep whole weeks from the end.
  const fullWeeks = Math.ceil(allDays.length / 7);
  const shown = Math.min(weeks, fullWeeks);
  const days = allDays.slice((fullWeeks - shown) * 7);
  const max = days.reduce((m, d) => Math.max(m, d.count), 0);
  const width = LEFT + shown * STEP;
  const height = TOP + 7 * STEP;

  const monthLabels: { column: number; text: string }[] = [];
  for (let column = 0; column < shown; column++) {
    const monday = days[column * 7];
    if (!monday) break;
    const month = monday.day.slice(0, 7);
    const previous = column > 0 ? days[(column - 1) * 7]!.day.slice(0, 7) : null;
    if (month === previous) continue;
    const last = monthLabels.at(-1);
    if (last && column - last.column < 3) continue;
    monthLabels.push({ column, text: formatDay(monday.day, "month") });
  }

  return (
    <svg
      className={`chart heatmap${className ? ` ${className}` : ""}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{heatmapSummary(days, shown)}</title>
      <g aria-hidden="true">
        {monthLabels.map((m) => (
          <text key={m.column} className="chart-label" x={LEFT + m.column * STEP} y={TOP - 6}>
            {m.text}
          </text>
        ))}
        {WEEKDAY_LABELS.map(([row, text]) => (
          <text key={row} className="chart-label" x={0} y={TOP + row * STEP + CELL / 2} dy="0.35em">
            {text}
          </text>
        ))}
        {days.map((d, i) => (
          <rect
            key={d.day}
            className={`heat-${heatLevel(d.count, max)}`}
            x={LEFT + Math.floor(i / 7) * STEP}
            y={TOP + (i % 7) * STEP}
            width={CELL}
            height={CELL}
            rx={2}
          >
            <title>{`${formatDay(d.day, "long")}: ${plural(d.count, "review")}`}</title>
          </rect>
        ))}
      </g>
    </svg>
  );
}

/** "Less □□□□□ More", for under the heatmap. */
export function HeatmapLegend() {
  return (
    <p className="heatmap-legend" aria-hidden="true">
      <span>Less</span>
      {[0, 1, 2, 3, 4].map((level) => (
        <svg key={level} viewBox="0 0 13 13" width="13" height="13">
          <rect className={`heat-${level}`} width={13} height={13} rx={2} />
        </svg>
      ))}
      <span>More</span>
    </p>
  );
}
