import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/auth.server";
import { CalendarHeatmap, HeatmapLegend } from "~/components/charts/calendar-heatmap";
import { formatDay, niceCeiling, percent, plural } from "~/components/charts/format";
import { StatesBar } from "~/components/charts/states-bar";
import { BarChart, LineChart } from "~/components/charts/xy-chart";
import { HEATMAP_WEEKS, statisticsFor, type Statistics } from "~/models/progress.server";

export const meta: MetaFunction = () => [{ title: "Statistics · Cairn" }];

/** Phones get a quarter of the calendar; wider screens the whole half-year. */
const NARROW_HEATMAP_WEEKS = 13;

function describeParameters(stats: Statistics): string {
  const p = stats.parameters;
  if (p.kind === "default") return "Default FSRS-6 parameters.";
  const on = p.reviewCount !== null ? ` on ${plural(p.reviewCount, "review")}` : "";
  const when =
    p.updatedAt !== null
      ? ` on ${new Intl.DateTimeFormat("en-GB", { timeZone: stats.timeZone, dateStyle: "long" }).format(p.updatedAt)}`
      : "";
  return `Personal parameters optimised${on}${when}.`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const learner = await requireUserWithPermission(request, "read:progress:own");
  const stats = await statisticsFor(learner, Date.now());
  // Dates are formatted here, in the learner's zone, so server and browser agree.
  // Sent with the data: a .server module's constants are not in the client bundle.
  return { stats, parameters: describeParameters(stats), heatmapWeeks: HEATMAP_WEEKS };
}

export default function StatsPage() {
  const { stats, parameters, heatmapWeeks } = useLoaderData<typeof loader>();
  return (
    <div className="stats">
      <h1>Statistics</h1>
      <section className="card stats-wide" aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">Reviews</h2>
        <p className="muted">{plural(stats.totalReviews, "review")} in all. Each square is a study day (days start at 4 am).</p>
        <CalendarHeatmap days={stats.heatmap} weeks={NARROW_HEATMAP_WEEKS} className="only-narrow" />
        <CalendarHeatmap days={stats.heatmap} weeks={heatmapWeeks} className="only-wide" />
        <HeatmapLegend />
      </section>
      <RetentionCard stats={stats} />
      <ForecastCard stats={stats} />
      <section className="card" aria-labelledby="states-heading">
        <h2 id="states-heading">Cards by state</h2>
        <StatesBar states={stats.cardsByState} />
        <p className="muted">Mature cards have a stability of 21 days or more; young ones are in review but below that.</p>
      </section>
      <section className="card" aria-labelledby="params-heading">
        <h2 id="params-heading">Scheduler</h2>
        <p>{parameters}</p>
        <p className="muted">
          Desired retention {percent(stats.desiredRetention)}, time zone {stats.timeZone}.
        </p>
        <Link className="button secondary" to="/settings">
          Change settings
        </Link>
      </section>
    </div>
  );
}

function RetentionCard({ stats }: { stats: Statistics }) {
  const { retention, retentionByDay, desiredRetention } = stats;
  const rates = retentionByDay.flatMap((d) => (d.rate === null ? [] : [d.rate]));
  const lowest = rates.length ? Math.min(...rates, desiredRetention) : desiredRetention;
  const yMin = Math.min(0.5, Math.floor(lowest * 10) / 10);
  const summary =
    retention.rate === null
      ? "No reviews of learned cards in the last 30 days."
      : `True retention ${percent(retention.rate)} over the last 30 days: ${retention.passed} of ${plural(retention.reviews, "review")} ` +
        `passed; your target is ${percent(desiredRetention)}.`;
  return (
    <section className="card" aria-labelledby="retention-heading">
      <h2 id="retention-heading">True retention</h2>
      <p className="big-figure">
        {retention.rate === null ? "–" : percent(retention.rate)}
        <span className="muted"> last 30 days</span>
      </p>
      {rates.length > 0 ? (
        <LineChart
          summary={summary}
          points={retentionByDay.map((d) => ({
            key: d.day,
            value: d.rate,
            label: `${formatDay(d.day)}: ${d.passed} of ${d.reviews} passed${d.rate === null ? "" : ` (${percent(d.rate)})`}`,
          }))}
          xTicks={dayTicks(retentionByDay.map((d) => d.day), retentionByDay.length - 1)}
          yMin={yMin}
          yMax={1}
          yTicks={[yMin, (yMin + 1) / 2, 1]}
          formatY={percent}
          reference={{ value: desiredRetention, text: `target ${percent(desiredRetention)}` }}
        />
      ) : null}
      <p className="muted">
        {retention.rate === null
          ? summary
          : `${retention.passed} of ${plural(retention.reviews, "review")} of learned cards were not answered Again. Each dot is a day.`}
      </p>
    </section>
  );
}

function ForecastCard({ stats }: { stats: Statistics }) {
  const { forecast } = stats;
  const total = forecast.reduce((s, d) => s + d.count, 0);
  const week = forecast.slice(0, 7).reduce((s, d) => s + d.count, 0);
  const max = forecast.reduce((m, d) => Math.max(m, d.count), 0);
  const yMax = niceCeiling(max);
  const busiest = forecast.reduce((best, d) => (d.count > best.count ? d : best), forecast[0]!);
  const summary =
    total === 0
      ? "No reviews due in the next 30 days."
      : `${plural(total, "review")} due in the next 30 days: ${forecast[0]!.count} today (overdue included), ` +
        `${week} within 7 days; the busiest day is ${formatDay(busiest.day)} with ${busiest.count}.`;
  return (
    <section className="card" aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Forecast</h2>
      <p className="big-figure">
        {week}
        <span className="muted"> due in the next 7 days</span>
      </p>
      <BarChart
        summary={summary}
        points={forecast.map((d, i) => ({
          key: d.day,
          value: d.count,
          label: `${i === 0 ? "Today" : formatDay(d.day)}: ${plural(d.count, "card")}`,
        }))}
        xTicks={dayTicks(forecast.map((d) => d.day), 0)}
        yMax={yMax}
        yTicks={[0, yMax / 2, yMax]}
      />
      <p className="muted">{summary}</p>
    </section>
  );
}

/** A label every 7 days counted from today ("Today" itself included). */
function dayTicks(days: readonly string[], todayIndex: number) {
  const ticks: { index: number; text: string }[] = [];
  for (let index = todayIndex % 7; index < days.length; index += 7) {
    ticks.push({ index, text: index === todayIndex ? "Today" : formatDay(days[index]!) });
  }
  return ticks;
}
