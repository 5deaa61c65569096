import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiException } from './api-exception';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `items.0.name`. */
  field: string;
  /** class-validator constraint names, e.g. `isInt`, `whitelistValidation`. */
  constraints: string[];
  messages: string[];
}

/** Flattens nested validation errors into one row per offending field. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [{ field, constraints: Object.keys(error.constraints), messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

function summary(problems: FieldProblem[]): string {
  const unknown = problems.filter((p) => p.constraints.includes('whitelistValidation')).map((p) => p.field);
  const invalid = problems.filter((p) => !p.constraints.includes('whitelistValidation')).map((p) => p.field);
  const parts: string[] = [];
  if (invalid.length) parts.push(`以下内容填写有误：${invalid.join('、')}`);
  if (unknown.length) parts.push(`不支持的字段：${unknown.join('、')}`);
  return parts.join('；') || '提交的信息有误，请检查后重试';
}

/** The global pipe: strip nothing silently — unknown fields are an error, and every bad field is listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = fieldProblems(errors);
      return new ApiException(400, 'validation_failed', summary(problems), problems);
    },
  });
}
