import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The electoral roll of a personal vote (user ids), fixed when the vote is set up like the owners' roll of an
 * owners' vote: the turnout's denominator and who may vote are then the same people. Null for votes set up
 * before it existed (their eligibility is read from the residencies at each ballot, as before).
 */
export class PollVoterRoll1732000012000 implements MigrationInterface {
  name = 'PollVoterRoll1732000012000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('polls', new TableColumn({ name: 'voter_roll', type: 'text', isNullable: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('polls', 'voter_roll');
  }
}
