import { choiceMask, indexOwnerRoll, type OwnerUnit } from '@linli/shared';
import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * What the final count reads. On each ballot: its choice as a number (choice_mask), and in an owners' vote its
 * unit's exclusive area (unit_area) and, for owners of several units, their number on the roll (owner_head). On an
 * owners' vote: the roll's total area, owners and units (owner_totals). All of it follows from the ballot's choice
 * and the roll fixed when the vote was set up, so it is written once, with the ballot or the vote. The index holds
 * everything the count reads of the ballots, in the order it groups, so the count never visits the ballots
 * themselves. Existing ballots and votes are filled in from their polls' options and rolls.
 */
export class PollCountColumns1732000013000 implements MigrationInterface {
  name = 'PollCountColumns1732000013000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('polls', new TableColumn({ name: 'owner_totals', type: 'text', isNullable: true }));
    await queryRunner.addColumns('poll_ballots', [
      new TableColumn({ name: 'choice_mask', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'unit_area', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'owner_head', type: 'integer', isNullable: true }),
    ]);
    const polls: { id: number; type: string; options: string; owner_roll: string | null }[] = await queryRunner.query('SELECT id, type, options, owner_roll FROM polls');
    for (const poll of polls) {
      const position = new Map((JSON.parse(poll.options) as { id: string }[]).map((o, i) => [o.id, i]));
      const choices: { choice: string }[] = await queryRunner.query('SELECT DISTINCT choice FROM poll_ballots WHERE poll_id = ?', [poll.id]);
      for (const { choice } of choices) {
        const positions = (JSON.parse(choice) as string[]).map((id) => position.get(id));
        // A choice naming no option of its poll keeps no mask, and the count treats it as invalid, as it did before.
        if (positions.some((p) => p === undefined)) continue;
        await queryRunner.query('UPDATE poll_ballots SET choice_mask = ? WHERE poll_id = ? AND choice = ?', [choiceMask(positions as number[]), poll.id, choice]);
      }
      if (!poll.owner_roll) continue;
      const roll = indexOwnerRoll(JSON.parse(poll.owner_roll) as OwnerUnit[]);
      await queryRunner.query('UPDATE polls SET owner_totals = ? WHERE id = ?', [JSON.stringify(roll.totals), poll.id]);
      const voters: { voter_key: string }[] = await queryRunner.query('SELECT DISTINCT voter_key FROM poll_ballots WHERE poll_id = ?', [poll.id]);
      for (const { voter_key } of voters) {
        const unit = roll.units.get(voter_key.slice('unit:'.length));
        if (unit) await queryRunner.query('UPDATE poll_ballots SET unit_area = ?, owner_head = ? WHERE poll_id = ? AND voter_key = ?', [unit.area, unit.head, poll.id, voter_key]);
      }
    }
    await queryRunner.createIndex(
      'poll_ballots',
      new TableIndex({ name: 'idx_poll_ballots_count', columnNames: ['poll_id', 'choice_mask', 'owner_head', 'unit_area', 'seq'] }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('poll_ballots', 'idx_poll_ballots_count');
    await queryRunner.dropColumns('poll_ballots', ['owner_head', 'unit_area', 'choice_mask']);
    await queryRunner.dropColumn('polls', 'owner_totals');
  }
}
