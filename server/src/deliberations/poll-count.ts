import { genesisHash, type DeliberationPollResult } from '@linli/shared';
import { EntityManager } from 'typeorm';
import type { Poll } from './entities/poll.entity';
import { resultFromTally, votingPollOf, type ResultBallot } from './poll-result';
import { tallyFromGroups } from './tally-from-groups';

/**
 * A ballot counts unless a later ballot of the chain supersedes it. supersedes_seq is part of what each
 * ballot's hash covers, so this is exactly the rule anyone applies when recounting the published chain
 * (chainTallyBallots) — no mutable "current" flag is trusted. Written as NOT IN over the poll's superseded
 * seqs, which both databases evaluate once as a set, rather than as a correlated NOT EXISTS probed per row.
 */
const COUNTED = `b.poll_id = ? AND b.seq NOT IN (SELECT s.supersedes_seq FROM poll_ballots s WHERE s.poll_id = ? AND s.supersedes_seq IS NOT NULL)`;

/**
 * Counts a poll from its stored ballots (the close runs this inside its transaction). The database keeps
 * each voter's last ballot and groups them by choice, so only a handful of rows cross the wire however many
 * ballots there are; an owners' vote additionally reads each unit's last ballot for the Art. 278 decision.
 */
export async function countPollBallots(manager: EntityManager, poll: Poll): Promise<Omit<DeliberationPollResult, 'bulletinPostId'>> {
  const groups: { choice: string; n: number | string }[] = await manager.query(
    `SELECT b.choice AS choice, COUNT(*) AS n FROM poll_ballots b WHERE ${COUNTED} GROUP BY b.choice`,
    [poll.id, poll.id],
  );
  const tally = tallyFromGroups(
    votingPollOf(poll),
    groups.map((g) => ({ choice: JSON.parse(g.choice) as string[], ballots: Number(g.n) })),
    { ballotsReceived: poll.chainSeq, eligibleVoters: poll.eligibleCount },
  );
  let unitBallots: ResultBallot[] | null = null;
  if (poll.ownerRoll) {
    const rows: { voter_key: string; seq: number | string; choice: string }[] = await manager.query(
      `SELECT b.voter_key AS voter_key, b.seq AS seq, b.choice AS choice FROM poll_ballots b WHERE ${COUNTED}`,
      [poll.id, poll.id],
    );
    unitBallots = rows.map((r) => ({ voterKey: r.voter_key, seq: Number(r.seq), choice: JSON.parse(r.choice) as string[] }));
  }
  return resultFromTally(poll, tally, unitBallots, { head: poll.chainHead ?? genesisHash(String(poll.id)), count: poll.chainSeq });
}
