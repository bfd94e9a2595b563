/** A request or response body, pretty-printed; strings that hold JSON are printed as JSON too. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <figure className="json-block">
      <figcaption>{label}</figcaption>
      <pre tabIndex={0} aria-label={label}>
        {render(value)}
      </pre>
    </figure>
  );
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}
