/**
 * The learner's cards by state as one stacked bar with a legend: new,
 * learning, relearning, young (stability under 21 days) and mature.
 */
import { useId } from "react";
import type { CardsByState } from "~/learning/stats";
import { plural } from "./format";

const SEGMENTS: { key: keyof CardsByState; name: string }[] = [
  { key: "new", name: "New" },
  { key: "learning", name: "Learning" },
  { key: "relearning", name: "Relearning" },
  { key: "young", name: "Young" },
  { key: "mature", name: "Mature" },
];

const WIDTH = 320;
const HEIGHT = 28;

export function statesSummary(states: CardsByState): string {
  const total = SEGMENTS.reduce((sum, s) => sum + states[s.key], 0);
  if (total === 0) return "No cards yet.";
  return `${plural(total, "card")}: ${SEGMENTS.map((s) => `${states[s.key]} ${s.name.toLowerCase()}`).join(", ")}.`;
}

export function StatesBar({ states }: { states: CardsByState }) {
  const titleId = useId();
  const total = SEGMENTS.reduce((sum, s) => sum + states[s.key], 0);
  let x = 0;
  return (
    <figure className="states-bar">
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId}>
        <title id={titleId}>{statesSummary(states)}</title>
        <g aria-hidden="true">
          <rect className="state-empty" width={WIDTH} height={HEIGHT} rx={4} />
          {total > 0
            ? SEGMENTS.map((s) => {
                const w = (WIDTH * states[s.key]) / total;
                const rect = w > 0 ? <rect key={s.key} className={`state-${s.key}`} x={x} width={w} height={HEIGHT} /> : null;
                x += w;
                return rect;
              })
            : null}
        </g>
      </svg>
      <figcaption>
        <ul className="states-legend" aria-hidden="true">
          {SEGMENTS.map((s) => (
            <li key={s.key}>
              <span className={`swatch state-${s.key}`} /> {s.name} <strong>{states[s.key]}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
