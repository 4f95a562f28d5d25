/**
 * A value to copy (a set-password or invite link): a read-only box that
 * selects itself when focused, and a Copy button once the page's script runs
 * (without it, the box is still there to select and copy by hand).
 */
import { useEffect, useState } from "react";

export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [scripted, setScripted] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setScripted(true), []);
  async function copy() {
    const box = document.getElementById(id) as HTMLInputElement | null;
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard API (a page served over plain HTTP): the selection and the older command.
      box?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  }
  return (
    <div className="copy-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
      {scripted ? (
        <button type="button" className="secondary" onClick={copy} aria-label={`Copy ${label}`}>
          Copy
        </button>
      ) : null}
      <span role="status" className="muted copy-status">
        {copied ? "Copied" : ""}
      </span>
    </div>
  );
}
