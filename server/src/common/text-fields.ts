import { ID_MAX, type TextKind } from '@linli/shared';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

const TEXT_KIND = 'linli:text-kind';

/**
 * How the validation pipe cleans a string property (see cleanText in shared): one-line unless marked multi-line.
 * A field nobody marked loses its line breaks, which shows at once; it never keeps a control character.
 */
export function textKindOf(target: object, key: string): TextKind {
  return Reflect.getMetadata(TEXT_KIND, target, key) === 'multiline' ? 'multiline' : 'line';
}

/** Whether a property was declared with one of the text decorators below. */
export function hasTextKind(target: object, key: string): boolean {
  return Reflect.getMetadata(TEXT_KIND, target, key) !== undefined;
}

export interface TextOptions {
  /** Keep line breaks and tabs (descriptions, comments, minutes). */
  multiline?: boolean;
  /** Fewest characters once cleaned, when more than one. */
  min?: number;
  /** What to say when it is missing or blank; otherwise the pipe's message naming the field. */
  message?: string;
}

function markKind(multiline: boolean | undefined): PropertyDecorator {
  return (target, key) => Reflect.defineMetadata(TEXT_KIND, multiline ? 'multiline' : 'line', target, key);
}

/** Text that must say something: a string, not blank once cleaned (the pipe trims it), at most `max` long. */
export function RequiredText(max: number, options: TextOptions = {}): PropertyDecorator {
  return (target, key) => {
    markKind(options.multiline)(target, key);
    IsString()(target, key);
    IsNotEmpty(options.message ? { message: options.message } : undefined)(target, key);
    if (options.min && options.min > 1) MinLength(options.min)(target, key);
    MaxLength(max)(target, key);
  };
}

/** Text that may be left out, null or blank (the service stores blank as nothing). */
export function OptionalText(max: number, options: Pick<TextOptions, 'multiline'> = {}): PropertyDecorator {
  return (target, key) => {
    markKind(options.multiline)(target, key);
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(max)(target, key);
  };
}

/** Text that may be left out or null, but must say something when it is given (edits, optional titles). */
export function TextIfGiven(max: number, options: TextOptions = {}): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    RequiredText(max, options)(target, key);
  };
}

/**
 * Text whose emptiness a domain rule judges, with its own error code (a correction's or a cancellation's reason):
 * a string, cleaned by the pipe, at most `max` long.
 */
export function RuleText(max: number, options: Pick<TextOptions, 'multiline'> = {}): PropertyDecorator {
  return (target, key) => {
    markKind(options.multiline)(target, key);
    IsString()(target, key);
    MaxLength(max)(target, key);
  };
}

/** A row id (or version) in a body: a positive INTEGER the columns can hold. */
export function IdField(message?: string): PropertyDecorator {
  return (target, key) => {
    IsInt(message ? { message } : undefined)(target, key);
    Min(1)(target, key);
    Max(ID_MAX)(target, key);
  };
}
