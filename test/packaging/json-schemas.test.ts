import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { staleSchemas } from '../../scripts/json-schemas.mjs';
import { validateRule } from '../../emulator/src/faults/validate-rule.js';
import { repoRoot } from '../support/captures.js';
import { fitsJsonSchema } from '../support/json-schema-check.js';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const RULES = 'fault-rules.schema.json';

/** The rules docs/faults.md shows: in JSON blocks, under `faults` of config examples, and in curl bodies. */
function documentedRules(): unknown[] {
  const page = read('docs/faults.md');
  const rules: unknown[] = [];
  const take = (doc: unknown) => {
    if (!doc || typeof doc !== 'object') return;
    if ('effect' in doc) rules.push(doc);
    if ('faults' in doc && Array.isArray(doc.faults)) rules.push(...(doc.faults as unknown[]));
  };
  for (const [, block] of page.matchAll(/```json\n([\s\S]*?)```/g)) take(JSON.parse(block as string));
  for (const [, block] of page.matchAll(/```yaml\n([\s\S]*?)```/g)) take(parseYaml(block as string));
  for (const [, body] of page.matchAll(/-d '(\{.*"effect".*\})'/g)) take(JSON.parse(body as string));
  return rules;
}

describe('the fault rules JSON Schema', () => {
  it('is the one the rule schema generates now (node scripts/json-schemas.mjs rewrites it)', async () => {
    expect(await staleSchemas()).toEqual([]);
  });

  it('is published with the emulator package, and importable as daraja-emulator/schema/…', () => {
    const manifest = JSON.parse(read('emulator/package.json')) as {
      files: string[];
      exports: Record<string, unknown>;
    };
    expect(manifest.files).toContain('schema');
    expect(manifest.exports['./schema/*.json']).toBe('./schema/*.json');
  });

  it('accepts the rules the docs show, which the emulator accepts too, alone, in a list or under "rules"', () => {
    const rules = documentedRules();
    expect(rules.length).toBeGreaterThanOrEqual(4);
    for (const rule of rules) {
      expect(() => validateRule(rule, 'rule')).not.toThrow();
      expect(fitsJsonSchema(rule, RULES), JSON.stringify(rule)).toBe(true);
    }
    expect(fitsJsonSchema(rules, RULES)).toBe(true);
    expect(fitsJsonSchema({ rules }, RULES)).toBe(true);
  });

  it.each([
    ['an unknown effect type', { effect: { type: 'explode' } }],
    ['no effect', { name: 'nothing happens' }],
    ['an unknown rule field', { effect: { type: 'reset' }, when: 'always' }],
    ['a field of another effect', { effect: { type: 'reset', ms: 5 } }],
    ['a count of 0', { nth: 0, effect: { type: 'hang' } }],
    ['a short shortcode', { match: { shortcode: '12' }, effect: { type: 'hang' } }],
    ['a delay range given as text', { effect: { type: 'delay', ms: '5s' } }],
    ['the reserved id', { id: 'magic', effect: { type: 'hang' } }],
  ])('refuses a rule with %s, as the emulator does', (_, rule) => {
    expect(() => validateRule(rule, 'rule')).toThrow();
    expect(fitsJsonSchema(rule, RULES)).toBe(false);
    expect(fitsJsonSchema([rule], RULES)).toBe(false);
  });
});
