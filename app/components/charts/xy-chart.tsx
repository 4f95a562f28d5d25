/**
 * Small hand-written SVG charts over a row of days: bars (due forecast) and a
 * line (daily retention). They scale with their container (viewBox, width
 * 100%) and carry a text summary as their accessible name; the per-day
 * <title>s are tooltips for pointer users.
 */
import { useId, type ReactNode } from "react";

export interface ChartPoint {
  key: string;
  /** null = nothing to plot that day (a gap in a line, no bar). */
  value: number | null;
  /** Tooltip text for this point. */
  label: string;
}

export interface XyChartProps {
  /** One-sentence summary: the chart's accessible name. */
  summary: string;
  points: readonly ChartPoint[];
  /** Labels under the x axis, at point indexes. */
  xTicks: readonly { index: number; text: string }[];
  yMin?: number;
  yMax: number;
  yTicks: readonly number[];
  formatY?: (value: number) => string;
  /** A dashed horizontal line, e.g. the target retention. */
  reference?: { value: number; text: string };
}

const WIDTH = 320;
const HEIGHT = 168;
const MARGIN = { left: 38, right: 8, top: 10, bottom: 24 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

function scales(props: XyChartProps) {
  const yMin = props.yMin ?? 0;
  const span = props.yMax - yMin || 1;
  const step = PLOT_W / Math.max(1, props.points.length);
  return {
    step,
    x: (index: number) => MARGIN.left + index * step,
    y: (value: number) => MARGIN.top + PLOT_H * (1 - (Math.min(props.yMax, Math.max(yMin, value)) - yMin) / span),
  };
}

function Frame({ props, children }: { props: XyChartProps; children: ReactNode }) {
  const titleId = useId();
  const { step, x, y } = scales(props);
  const formatY = props.formatY ?? String;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} width="100%">
      <title id={titleId}>{props.summary}</title>
      <g aria-hidden="true">
        {props.yTicks.map((tick) => (
          <g key={tick}>
            <line className="chart-grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text className="chart-label" x={MARGIN.left - 5} y={y(tick)} dy="0.35em" textAnchor="end">
              {formatY(tick)}
            </text>
          </g>
        ))}
        {props.xTicks.map((tick) => (
          <text
            key={tick.index}
            className="chart-label"
            x={x(tick.index) + step / 2}
            y={HEIGHT - 6}
            // Labels at the ends are anchored inwards so they stay inside the picture.
            textAnchor={tick.index === 0 ? "start" : tick.index >= props.points.length - 3 ? "end" : "middle"}
            dx={tick.index === 0 ? -step / 2 : tick.index >= props.points.length - 3 ? step / 2 : 0}
          >
            {tick.text}
          </text>
        ))}
        {props.reference ? (
          <g>
            <line
              className="chart-reference"
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(props.reference.value)}
              y2={y(props.reference.value)}
            />
            <text className="chart-label chart-reference-label" x={WIDTH - MARGIN.right} y={y(props.reference.value) - 4} textAnchor="end">
              {props.reference.text}
            </text>
          </g>
        ) : null}
        {children}
      </g>
    </svg>
  );
}

export function BarChart(props: XyChartProps) {
  const { step, x, y } = scales(props);
  const base = y(props.yMin ?? 0);
  const gap = Math.min(2, step * 0.2);
  return (
    <Frame props={props}>
      {props.points.map((p, i) =>
        p.value ? (
          <rect
            key={p.key}
            className="chart-bar"
            x={x(i) + gap / 2}
            width={step - gap}
            y={y(p.value)}
            height={Math.max(1, base - y(p.value))}
            rx={1}
          >
            <title>{p.label}</title>
          </rect>
        ) : null,
      )}
    </Frame>
  );
}

export function LineChart(props: XyChartProps) {
  const { step, x, y } = scales(props);
  const present = props.points
    .map((p, i) => ({ p, cx: x(i) + step / 2 }))
    .filter((d): d is { p: ChartPoint & { value: number }; cx: number } => d.p.value !== null);
  return (
    <Frame props={props}>
      {present.length > 1 ? (
        <polyline className="chart-line" points={present.map((d) => `${d.cx},${y(d.p.value)}`).join(" ")} />
      ) : null}
      {present.map((d) => (
        <circle key={d.p.key} className="chart-point" cx={d.cx} cy={y(d.p.value)} r={3}>
          <title>{d.p.label}</title>
        </circle>
      ))}
    </Frame>
  );
}
