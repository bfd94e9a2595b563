import { useState } from 'react';

/** A command or text to copy, with a button that copies it. */
export function CopyBlock({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Clipboard access needs a secure context or a permission; the text stays selectable.
      setCopied(false);
    }
  }
  return (
    <figure className="json-block copy-block">
      <figcaption>
        {label}{' '}
        <button type="button" className="secondary small" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </figcaption>
      <pre tabIndex={0} aria-label={label}>
        {text}
      </pre>
    </figure>
  );
}
