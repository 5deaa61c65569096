import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { hasTextKind } from './text-fields';

/**
 * Every file of the server that declares request rules: it imports class-validator. config/ is left out: it
 * validates the environment at start-up, not requests.
 */
function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'config' ? [] : dtoFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && readFileSync(path, 'utf8').includes("from 'class-validator'") ? [path] : [];
  });
}

interface Property {
  dto: string;
  property: string;
  rules: Set<string>;
  eachRules: Set<string>;
  text: boolean;
}

function properties(): Property[] {
  const classes = dtoFiles(join(__dirname, '..')).flatMap((file) =>
    Object.values(require(file) as Record<string, unknown>).filter((v): v is new () => object => typeof v === 'function' && /^[A-Z]/.test(v.name)),
  );
  return classes.flatMap((cls) => {
    const byProperty = new Map<string, Property>();
    for (const m of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
      const p = byProperty.get(m.propertyName) ?? { dto: cls.name, property: m.propertyName, rules: new Set(), eachRules: new Set(), text: hasTextKind(cls.prototype, m.propertyName) };
      (m.each ? p.eachRules : p.rules).add(m.name ?? m.type);
      byProperty.set(m.propertyName, p);
    }
    return [...byProperty.values()];
  });
}

const any = (set: Set<string>, names: string[]) => names.some((n) => set.has(n));
const describeOf = (p: Property) => `${p.dto}.${p.property}`;

/**
 * The edge's rules, checked over every DTO the server has, so a new DTO keeps them: every number bounded on both
 * sides, every string bounded in length or shape, free text declared with the text decorators (which give its
 * kind to the pipe's text rule and its emptiness rule), and nested objects required to be objects.
 */
describe('DTO rules', () => {
  const all = properties();

  it('finds the DTOs', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('bounds every number on both sides', () => {
    const numbers = (s: Set<string>) => any(s, ['isInt', 'isNumber', 'isPositive']);
    const bounded = (s: Set<string>) => any(s, ['min', 'isPositive']) && s.has('max');
    const loose = all.filter((p) => (numbers(p.rules) && !bounded(p.rules)) || (numbers(p.eachRules) && !bounded(p.eachRules))).map(describeOf);
    expect(loose).toEqual([]);
  });

  it('bounds every string in length or shape', () => {
    const shaped = (s: Set<string>) => any(s, ['maxLength', 'isLength', 'matches', 'isIn', 'isIso8601']);
    const loose = all.filter((p) => (p.rules.has('isString') && !shaped(p.rules)) || (p.eachRules.has('isString') && !shaped(p.eachRules))).map(describeOf);
    expect(loose).toEqual([]);
  });

  it('declares free text with the text decorators (RequiredText, OptionalText, TextIfGiven, RuleText)', () => {
    const free = all.filter((p) => p.rules.has('isString') && p.rules.has('maxLength') && !any(p.rules, ['matches', 'isIn', 'isIso8601']));
    expect(free.filter((p) => !p.text).map(describeOf)).toEqual([]);
  });

  it('requires a nested object to be an object, not an array', () => {
    const loose = all.filter((p) => p.rules.has('nestedValidation') && !p.rules.has('isObject')).map(describeOf);
    const looseEach = all.filter((p) => p.eachRules.has('nestedValidation') && !p.eachRules.has('isObject')).map(describeOf);
    expect([...loose, ...looseEach]).toEqual([]);
  });
});
