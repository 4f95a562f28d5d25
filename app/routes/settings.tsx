import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireUserWithPermission } from "~/auth.server";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { parseForm } from "~/forms/parse-form.server";
import { settingsFormSchema } from "~/forms/settings-form.server";
import { DEFAULT_SETTINGS, SETTINGS_BOUNDS } from "~/learning/settings";
import { saveLearnerSettings } from "~/models/learner.server";

export const meta: MetaFunction = () => [{ title: "Settings · Cairn" }];

type Field = "desiredRetention" | "newPerDay" | "maxReviewsPerDay" | "timeZone";
type FormValues = Record<Field, string>;

/** IANA zones grouped by region for the select; the learner's own zone is always offered. */
function timeZoneGroups(current: string): { region: string; zones: string[] }[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add(current);
  const groups = new Map<string, string[]>([["UTC", ["UTC"]]]);
  for (const zone of [...zones].sort()) {
    if (zone === "UTC") continue;
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    const list = groups.get(region);
    if (list) list.push(zone);
    else groups.set(region, [zone]);
  }
  return [...groups].map(([region, list]) => ({ region, zones: list }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const learner = await requireUserWithPermission(request, "read:settings:own");
  const values: FormValues = {
    // Shown as a percentage; validateSettings reads "90" as 0.90.
    desiredRetention: String(Math.round(learner.desiredRetention * 1000) / 10),
    newPerDay: String(learner.newPerDay),
    maxReviewsPerDay: String(learner.maxReviewsPerDay),
    timeZone: learner.timeZone,
  };
  return { values, timeZones: timeZoneGroups(learner.timeZone) };
}

export async function action({ request }: ActionFunctionArgs) {
  const learner = await requireUserWithPermission(request, "update:settings:own");
  const form = await parseForm(request, settingsFormSchema);
  if (!form.ok) return form.response;
  await saveLearnerSettings(learner.id, form.data);
  return { saved: true as const };
}

const r = SETTINGS_BOUNDS.desiredRetention;
const n = SETTINGS_BOUNDS.newPerDay;
const m = SETTINGS_BOUNDS.maxReviewsPerDay;

export default function SettingsPage() {
  const { values: saved, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const refused = refusedForm(actionData);
  const errors: Partial<Record<Field, string>> = refused.fieldErrors;
  const values: FormValues = { ...saved, ...refused.values };
  const busy = navigation.state === "submitting";
  const [zone, setZone] = useState(values.timeZone);
  const [deviceZone, setDeviceZone] = useState<string | null>(null);
  useEffect(() => setZone(values.timeZone), [values.timeZone]);
  useEffect(() => {
    // Only the browser knows its zone: offered after hydration, never rendered on the server.
    setDeviceZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? null);
  }, []);

  return (
    <section className="settings">
      <h1>Settings</h1>
      <div role="status" aria-live="polite" className="settings-status">
        {actionData && "saved" in actionData && !busy ? "Settings saved." : ""}
      </div>
      <FormErrorSummary result={actionData} />
      <Form method="post" noValidate className="card settings-form">
        <NumberField
          name="desiredRetention"
          label="Desired retention (%)"
          hint={`How likely you should be to remember a card when it comes back. Higher means more reviews. ${r.min * 100}–${r.max * 100}%, default ${DEFAULT_SETTINGS.desiredRetention * 100}%.`}
          min={r.min * 100}
          max={r.max * 100}
          step="any"
          defaultValue={values.desiredRetention}
          error={errors.desiredRetention}
        />
        <NumberField
          name="newPerDay"
          label="New cards per day"
          hint={`${n.min}–${n.max}, default ${DEFAULT_SETTINGS.newPerDay}. Each new card costs a few reviews in the days after.`}
          min={n.min}
          max={n.max}
          step="1"
          defaultValue={values.newPerDay}
          error={errors.newPerDay}
        />
        <NumberField
          name="maxReviewsPerDay"
          label="Maximum reviews per day"
          hint={`${m.min}–${m.max}, default ${DEFAULT_SETTINGS.maxReviewsPerDay}. Cards beyond it wait for the next day.`}
          min={m.min}
          max={m.max}
          step="1"
          defaultValue={values.maxReviewsPerDay}
          error={errors.maxReviewsPerDay}
        />
        <div className="field">
          <label htmlFor="field-timeZone">Time zone</label>
          <p id="field-timeZone-hint" className="field-hint muted">
            Your study day starts at 4 am in this zone.
          </p>
          <select
            id="field-timeZone"
            name="timeZone"
            value={zone}
            onChange={(e) => setZone(e.target.value)}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={errors.timeZone ? "field-timeZone-hint field-timeZone-error" : "field-timeZone-hint"}
          >
            {!timeZones.some((g) => g.zones.includes(zone)) ? <option value={zone}>{zone}</option> : null}
            {timeZones.map((g) =>
              g.zones.length === 1 && g.region === g.zones[0] ? (
                <option key={g.region} value={g.region}>
                  {g.region}
                </option>
              ) : (
                <optgroup key={g.region} label={g.region}>
                  {g.zones.map((z) => (
                    <option key={z} value={z}>
                      {z.replaceAll("_", " ")}
                    </option>
                  ))}
                </optgroup>
              ),
            )}
          </select>
          {deviceZone && deviceZone !== zone ? (
            <p>
              <button type="button" className="secondary" onClick={() => setZone(deviceZone)}>
                Use this device&rsquo;s zone ({deviceZone.replaceAll("_", " ")})
              </button>
            </p>
          ) : null}
          {errors.timeZone ? (
            <p id="field-timeZone-error" className="field-error">
              {errors.timeZone}
            </p>
          ) : null}
        </div>
        <p className="settings-actions">
          <button type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save settings"}
          </button>
        </p>
      </Form>
    </section>
  );
}

interface NumberFieldProps {
  name: Exclude<Field, "timeZone">;
  label: string;
  hint: string;
  min: number;
  max: number;
  step: string;
  defaultValue: string;
  error?: string;
}

function NumberField({ name, label, hint, min, max, step, defaultValue, error }: NumberFieldProps) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint muted">
        {hint}
      </p>
      <input
        // Re-mount on a new server value so a failed submit shows what was sent.
        key={defaultValue}
        id={id}
        name={name}
        type="number"
        inputMode={step === "1" ? "numeric" : "decimal"}
        min={min}
        max={max}
        step={step}
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
