import {
  FAULT_EFFECT_TYPES,
  type FaultEffect,
  type FaultRuleInput,
  type FaultRuleView,
  type FaultStage,
} from 'daraja-client/emulator';
import { cryptoRandom, seededRandom, type Random } from '../ids/random.js';
import { matches, type FaultSubject } from './matchers.js';
import { FaultRuleError, validateRule } from './validate-rule.js';

export type { FaultStage };

export function stageOf(effect: FaultEffect): FaultStage {
  return FAULT_EFFECT_TYPES[effect.type];
}

interface LiveRule {
  view: FaultRuleView;
  stage: FaultStage;
  random: Random;
}

/** A rule that fired, with its generator (for delays drawn from a distribution). */
export interface FiredRule {
  name: string;
  effect: FaultEffect;
  random: Random;
}

/**
 * The fault rules in force, in order, with their counters. Each rule draws from its own seeded generator
 * (its `seed`, else the emulator's seed and its name), so outcomes repeat with the same seed and requests
 * and adding a rule never shifts another rule's draws or the emulator's ids.
 */
export class FaultRuleSet {
  readonly #seed: string;
  #rules: LiveRule[] = [];
  #next = 1;

  /**
   * `onChange` hears the rules after every change to the set (add, replace, remove, clear, restart), not
   * on each match: the live socket stays quiet under load, and counters are read with `list()`.
   */
  constructor(
    seed: number | string | undefined,
    private readonly onChange: (rules: FaultRuleView[]) => void = () => undefined,
  ) {
    this.#seed = seed === undefined ? Buffer.from(cryptoRandom.bytes(8)).toString('hex') : String(seed);
  }

  /** True when some enabled rule acts at this stage. */
  has(stage: FaultStage): boolean {
    return this.#rules.some((r) => r.stage === stage && r.view.enabled);
  }

  list(): FaultRuleView[] {
    return this.#rules.map((r) => ({ ...r.view }));
  }

  /** Checks and appends rules; none is added if one is invalid. Throws FaultRuleError. */
  add(inputs: unknown[], where = 'rule'): FaultRuleView[] {
    const added = this.#add(inputs, where);
    this.#changed();
    return added;
  }

  #add(inputs: unknown[], where: string): FaultRuleView[] {
    const checked = inputs.map((input, i) =>
      validateRule(input, inputs.length > 1 ? `${where} ${i + 1}` : where),
    );
    const ids = new Set(this.#rules.map((r) => r.view.id));
    const live = checked.map((rule) => {
      const id = rule.id ?? this.#freshId(ids);
      if (ids.has(id) && rule.id !== undefined)
        throw new FaultRuleError(`A rule with id "${id}" already exists.`);
      ids.add(id);
      const name = rule.name ?? id;
      const { id: _id, name: _name, enabled, ...rest } = rule;
      const view: FaultRuleView = { id, name, enabled: enabled ?? true, ...rest, matched: 0, fired: 0 };
      const seed = rule.seed !== undefined ? String(rule.seed) : `${this.#seed}:${name}`;
      return { view, stage: stageOf(rule.effect), random: seededRandom(seed) };
    });
    this.#rules.push(...live);
    return live.map((r) => ({ ...r.view }));
  }

  /** Replaces every rule (counters start again). */
  replace(inputs: unknown[], where = 'rule'): FaultRuleView[] {
    const previous = this.#rules;
    this.#rules = [];
    let added: FaultRuleView[];
    try {
      added = this.#add(inputs, where);
    } catch (error) {
      this.#rules = previous;
      throw error;
    }
    this.#changed();
    return added;
  }

  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((r) => r.view.id !== id);
    if (this.#rules.length === before) return false;
    this.#changed();
    return true;
  }

  clear(): void {
    this.#rules = [];
    this.#changed();
  }

  /** Counters and generators start again (on reset), so a scenario replays the same way. */
  restart(): void {
    for (const r of this.#rules) {
      r.view.matched = 0;
      r.view.fired = 0;
      r.random = seededRandom(
        r.view.seed !== undefined ? String(r.view.seed) : `${this.#seed}:${r.view.name}`,
      );
    }
    this.#changed();
  }

  /** The rules as written, for export: without counters. */
  inputs(): FaultRuleInput[] {
    return this.#rules.map(({ view }) => {
      const { matched: _m, fired: _f, ...rule } = view;
      return rule;
    });
  }

  /**
   * Rules of a stage that fire for this subject, in order. `stop` ends the evaluation after a rule that
   * fired (e.g. one that answers the request), so later rules are not counted.
   */
  fire(
    stage: FaultStage,
    subject: FaultSubject,
    stop: (effect: FaultEffect) => boolean = () => false,
  ): FiredRule[] {
    const fired: FiredRule[] = [];
    for (const rule of this.#rules) {
      if (rule.stage !== stage || !this.#fires(rule, subject)) continue;
      fired.push({ name: rule.view.name, effect: rule.view.effect, random: rule.random });
      if (stop(rule.view.effect)) break;
    }
    return fired;
  }

  #fires(rule: LiveRule, subject: FaultSubject): boolean {
    const v = rule.view;
    if (!v.enabled || !matches(v.match, subject)) return false;
    v.matched++;
    if (v.nth !== undefined && v.matched !== v.nth) return false;
    if (v.every !== undefined && v.matched % v.every !== 0) return false;
    if (v.times !== undefined && v.fired >= v.times) return false;
    if (v.probability !== undefined && !(rule.random.next() < v.probability)) return false;
    v.fired++;
    return true;
  }

  #changed(): void {
    this.onChange(this.list());
  }

  #freshId(taken: Set<string>): string {
    let id = `rule-${this.#next++}`;
    while (taken.has(id)) id = `rule-${this.#next++}`;
    return id;
  }
}
