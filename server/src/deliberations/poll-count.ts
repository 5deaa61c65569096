import { countGroups, genesisHash, type DeliberationPollResult } from '@linli/shared';
import { EntityManager } from 'typeorm';
import { countedBallotGroups } from '../database/ballot-groups';
import type { Poll } from './entities/poll.entity';
import { resultFromCount, votingPollOf } from './poll-result';

/**
 * Counts a poll from its stored ballots (the close runs this inside its transaction): the database keeps each
 * voter's last ballot and groups them (ballot-groups.ts), and the groups are counted and decided by the same rules
 * as every other count (countGroups, decideOwnerMatterFromCount against the roll's stored totals).
 */
export async function countPollBallots(manager: EntityManager, poll: Poll): Promise<Omit<DeliberationPollResult, 'bulletinPostId'>> {
  const owners = poll.ownerRoll !== null;
  const groups = await countedBallotGroups(manager, poll.id, owners);
  const count = countGroups(votingPollOf(poll), groups, { ballotsReceived: poll.chainSeq, eligibleVoters: poll.eligibleCount, weighted: owners });
  return resultFromCount(poll, count, { head: poll.chainHead ?? genesisHash(String(poll.id)), count: poll.chainSeq });
}
