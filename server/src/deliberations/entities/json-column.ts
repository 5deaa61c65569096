import { ValueTransformer } from 'typeorm';

/**
 * A JSON value in a plain text column. Text rather than a JSON type because SQLite has none and MariaDB's is
 * an alias of LONGTEXT with a check; the app is the only writer, so parsing on read is enough.
 */
export const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : value === null ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null || value === undefined ? null : JSON.parse(value)),
};
