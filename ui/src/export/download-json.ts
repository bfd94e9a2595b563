/** Offers `value` as a pretty-printed JSON file download named `name`. */
export function downloadJson(name: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
