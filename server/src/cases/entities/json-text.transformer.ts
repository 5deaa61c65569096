import type { ValueTransformer } from 'typeorm';

/** JSON kept as text, so SQLite and MariaDB store it alike (MariaDB's JSON type is text underneath anyway). */
export const jsonTextTransformer: ValueTransformer = {
  to: (value: unknown) => (value == null ? null : JSON.stringify(value)),
  from: (value: string | null) => (value == null ? null : (JSON.parse(value) as unknown)),
};
