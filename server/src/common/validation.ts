import { cleanText } from '@linli/shared';
import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, type ValidatorOptions } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ApiException } from './api-exception';
import { FIELD_LABELS } from './field-labels';
import { textKindOf } from './text-fields';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `items.0.name`. */
  field: string;
  /** class-validator constraint names, e.g. `isInt`, `whitelistValidation`. */
  constraints: string[];
  /** In Chinese, naming the field, one per constraint. */
  messages: string[];
}

type Say = (label: string, args: readonly unknown[]) => string;

const list = (value: unknown) => (Array.isArray(value) ? value.join('、') : String(value));

/** class-validator's constraints in Chinese. A constraint given its own message in a DTO keeps that message. */
const MESSAGES: Readonly<Record<string, Say>> = {
  isDefined: (l) => `请填写${l}`,
  isNotEmpty: (l) => `请填写${l}`,
  isString: (l) => `${l}应为文字`,
  minLength: (l, [n]) => `${l}至少 ${String(n)} 个字`,
  maxLength: (l, [n]) => `${l}不能超过 ${String(n)} 个字`,
  isLength: (l, [min, max]) => `${l}应为 ${String(min)}–${String(max)} 个字`,
  matches: (l) => `${l}格式不正确`,
  isInt: (l) => `${l}应为整数`,
  isNumber: (l, [options]) => {
    const decimals = (options as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
    return decimals === undefined ? `${l}应为数字` : `${l}应为数字，最多 ${decimals} 位小数`;
  },
  isPositive: (l) => `${l}应大于 0`,
  min: (l, [n]) => `${l}不能小于 ${String(n)}`,
  max: (l, [n]) => `${l}不能大于 ${String(n)}`,
  isBoolean: (l) => `${l}应为是或否`,
  isIn: (l, [values]) => `${l}应为以下之一：${list(values)}`,
  isIso8601: (l) => `${l}应为有效的日期时间`,
  isArray: (l) => `${l}应为列表`,
  arrayMinSize: (l, [n]) => `${l}至少 ${String(n)} 项`,
  arrayMaxSize: (l, [n]) => `${l}最多 ${String(n)} 项`,
  isObject: (l) => `${l}格式不正确`,
  nestedValidation: (l) => `${l}格式不正确`,
};

/** The DTO rule behind an error, for its arguments and whether the DTO gave its own message. */
function ruleFor(error: ValidationError, constraint: string): ValidationMetadata | undefined {
  const target: unknown = error.target;
  if (!target || typeof target !== 'object') return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint);
}

function labelFor(property: string, field: string): string {
  return FIELD_LABELS[property] ?? field;
}

function messageFor(error: ValidationError, field: string, constraint: string, given: string): string {
  if (constraint === 'whitelistValidation') return `不支持的字段：${field}`;
  const rule = ruleFor(error, constraint);
  if (rule?.message !== undefined) return given;
  const label = labelFor(error.property, field);
  const say = MESSAGES[constraint];
  const named = rule?.each ? `${label}中的每一项` : label;
  return say ? say(named, rule?.constraints ?? []) : `${label}填写有误`;
}

/** Flattens nested validation errors into one row per offending field. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const own: FieldProblem[] = constraints.length
      ? [{ field, constraints: constraints.map(([name]) => name), messages: constraints.map(([name, given]) => messageFor(error, field, name, given)) }]
      : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

function summary(problems: FieldProblem[]): string {
  const named = (p: FieldProblem) => labelFor(p.field.split('.').filter((s) => !/^\d+$/.test(s)).pop() ?? p.field, p.field);
  const unknown = problems.filter((p) => p.constraints.includes('whitelistValidation')).map((p) => p.field);
  const invalid = [...new Set(problems.filter((p) => !p.constraints.includes('whitelistValidation')).map(named))];
  const parts: string[] = [];
  if (invalid.length) parts.push(`以下内容填写有误：${invalid.join('、')}`);
  if (unknown.length) parts.push(`不支持的字段：${unknown.join('、')}`);
  return parts.join('；') || '提交的信息有误，请检查后重试';
}

/** Cleans every string of a request value in place by the one text rule, by the kind its DTO property declares. */
function cleanStrings(value: object, seen: Set<object>): void {
  if (seen.has(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'string') record[key] = cleanText(item, textKindOf(value, key));
    else if (Array.isArray(item)) {
      const kind = textKindOf(value, key);
      item.forEach((element: unknown, i) => {
        if (typeof element === 'string') item[i] = cleanText(element, kind);
        else if (element !== null && typeof element === 'object') cleanStrings(element, seen);
      });
    } else if (item !== null && typeof item === 'object') cleanStrings(item, seen);
  }
}

/**
 * Nest's pipe, with every string of every body and query cleaned by the one text rule (shared cleanText) before
 * it is validated. Here rather than in a decorator, so a new DTO cannot forget it.
 */
class ApiValidationPipe extends ValidationPipe {
  protected override validate(object: object, options?: ValidatorOptions) {
    cleanStrings(object, new Set());
    // The error's target (the DTO it was found in) names the rule behind it; it is never sent.
    return super.validate(object, { ...options, validationError: { ...options?.validationError, target: true } });
  }
}

/** The global pipe: strip nothing silently — unknown fields are an error, and every bad field is listed. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = fieldProblems(errors);
      return new ApiException(400, 'validation_failed', summary(problems), problems);
    },
  });
}
