import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

/**
 * Uploaded photos (media_files). Neutral Table API so it runs on SQLite and MariaDB alike; constraint names
 * follow SnakeNamingStrategy (uq_/fk_/idx_<table>_<columns>) so a schema diff against MediaFile stays empty.
 */
export class Media1732000002000 implements MigrationInterface {
  name = 'Media1732000002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const types = queryRunner.connection.driver.mappedDataTypes;
    const varchar = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
    const int = (name: string) => ({ name, type: 'integer', isNullable: false });

    await queryRunner.createTable(
      new Table({
        name: 'media_files',
        columns: [
          // The public id is the key: 22 random base64url characters, never a sequence number.
          { ...varchar('id', 22), isPrimary: true },
          int('owner_user_id'),
          varchar('purpose', 16),
          varchar('mime', 32),
          varchar('source_mime', 32),
          int('bytes'),
          int('width'),
          int('height'),
          varchar('storage_key', 128),
          varchar('thumb_key', 128),
          int('thumb_bytes'),
          varchar('sha256', 64),
          varchar('idempotency_key', 64, true),
          varchar('attached_to', 64, true),
          { name: 'position', type: 'integer', isNullable: true },
          { name: 'attached_at', type: 'datetime', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: types.createDatePrecision, default: types.createDateDefault },
        ],
        uniques: [new TableUnique({ name: 'uq_media_files_owner_user_id_idempotency_key', columnNames: ['owner_user_id', 'idempotency_key'] })],
        indices: [
          new TableIndex({ name: 'idx_media_files_owner_user_id', columnNames: ['owner_user_id'] }),
          new TableIndex({ name: 'idx_media_files_attached_to', columnNames: ['attached_to'] }),
        ],
        foreignKeys: [
          // RESTRICT: a case keeps its photos even if the uploader's account goes; users are not hard-deleted.
          new TableForeignKey({
            name: 'fk_media_files_owner_user_id',
            columnNames: ['owner_user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('media_files', true, true, true);
  }
}
