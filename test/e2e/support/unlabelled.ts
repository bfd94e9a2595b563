import type { Page } from 'playwright-core';

/**
 * Controls on the page that a screen reader could not name: inputs and selects without a label or
 * aria-label, buttons and links without text or aria-label. Returns a short description of each.
 */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const missing: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`;
    for (const el of document.querySelectorAll('input, select, textarea')) {
      const field = el as HTMLInputElement;
      const named =
        (field.labels?.length ?? 0) > 0 ||
        field.hasAttribute('aria-label') ||
        field.hasAttribute('aria-labelledby');
      if (!named && field.type !== 'hidden') missing.push(describe(el));
    }
    for (const el of document.querySelectorAll('button, a[href], summary')) {
      const named = (el.textContent ?? '').trim() !== '' || el.hasAttribute('aria-label');
      if (!named) missing.push(describe(el));
    }
    return missing;
  });
}
