import { DefaultNamingStrategy, NamingStrategyInterface, Table } from 'typeorm';

/** `communityId` → `community_id`, `minLng` → `min_lng`. */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * Maps camelCase entity properties to snake_case columns so the schema reads the same on SQLite and MariaDB.
 * Table names are never derived: every entity names its table explicitly with `@Entity('plural_snake')`;
 * the fallback below only exists so a forgotten name fails loudly in review rather than silently pluralising.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return userSpecifiedName ?? toSnakeCase(targetName);
  }

  columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    const prefix = embeddedPrefixes.length ? toSnakeCase(embeddedPrefixes.join('_')) + '_' : '';
    return prefix + (customName ?? toSnakeCase(propertyName));
  }

  relationName(propertyName: string): string {
    return toSnakeCase(propertyName);
  }

  joinColumnName(relationName: string, referencedColumnName: string): string {
    return toSnakeCase(`${relationName}_${referencedColumnName}`);
  }

  joinTableName(firstTableName: string, secondTableName: string, firstPropertyName: string): string {
    return toSnakeCase(`${firstTableName}_${firstPropertyName.replace(/\./g, '_')}_${secondTableName}`);
  }

  joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return toSnakeCase(`${tableName}_${columnName ?? propertyName}`);
  }

  // Readable constraint names instead of hashes, so the hand-written migration can name them the same way
  // and a schema diff against the entities comes out empty. Column names arrive already snake_cased.
  // Unique constraints are named explicitly in the entities (@Unique('uq_…')): MariaDB turns them into
  // unique indexes, which would otherwise be named by indexName() and differ between the dialects.

  uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return `uq_${this.getTableName(tableOrName)}_${columnNames.join('_')}`;
  }

  foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return `fk_${this.getTableName(tableOrName)}_${columnNames.join('_')}`;
  }

  indexName(tableOrName: Table | string, columnNames: string[]): string {
    return `idx_${this.getTableName(tableOrName)}_${columnNames.join('_')}`;
  }
}
