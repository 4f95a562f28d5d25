import { useEffect, useState } from "react";

/**
 * The study day starts at 4 am in the learner's zone. With JavaScript the
 * device's zone goes in a hidden field; without it (the script never runs, so
 * the <noscript> part shows) the learner picks one, UTC unless they do.
 */
export function DeviceTimeZone() {
  const [zone, setZone] = useState("");
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? ""), []);
  return (
    <>
      <input type="hidden" name="timeZone" value={zone} />
      <noscript>
        <div className="field">
          <label htmlFor="field-timeZoneChoice">Time zone</label>
          <p className="field-hint muted">Your study day starts at 4 am in this zone.</p>
          <select id="field-timeZoneChoice" name="timeZoneChoice" defaultValue="UTC">
            <option value="UTC">UTC</option>
            {Intl.supportedValuesOf("timeZone").map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </div>
      </noscript>
    </>
  );
}
