import type { ValueTransformer } from 'typeorm';

/** A short list of strings stored as JSON text (TEXT on both dialects; no JSON column type differences). */
export const jsonListTransformer: ValueTransformer = {
  to: (value: string[] | null | undefined) => JSON.stringify(value ?? []),
  from: (value: string | null) => {
    if (!value) return [];
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  },
};
