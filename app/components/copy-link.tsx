import { useState } from 'react';
import { useHydrated } from '../hooks/use-hydrated';

/**
 * A link to pass on: shown in a read-only field (select and copy by hand without JavaScript) with
 * a "Link kopieren" button once JavaScript runs. The result is announced politely.
 */
export function CopyLink({ id, label, url }: { id: string; label: string; url: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="field copy-link">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="copy-link__row">
        <input
          id={id}
          className="input"
          type="text"
          readOnly
          value={url}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        {hydrated ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              navigator.clipboard.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            Link kopieren<span className="visually-hidden"> – {label}</span>
          </button>
        ) : null}
      </div>
      <p className="hint" aria-live="polite">
        {copied === true
          ? 'Der Link ist in die Zwischenablage kopiert.'
          : copied === false
            ? 'Kopieren ging nicht – bitte markieren und kopieren Sie den Link von Hand.'
            : ''}
      </p>
    </div>
  );
}
