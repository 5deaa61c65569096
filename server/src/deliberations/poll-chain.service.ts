import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { genesisHash, receiptInChain, type ChainedBallot, type DeliberationChainView, type DeliberationReceiptCheck } from '@linli/shared';
import { DataSource } from 'typeorm';
import { DeliberationErrors } from './deliberation-errors';
import { PollBallot } from './entities/ballot.entity';
import type { Poll } from './entities/poll.entity';
import { PollsService } from './polls.service';

/**
 * The public, anonymous side of a poll's ballots: the chain for anyone to recompute, and the receipt check
 * for a voter. Only what the chain hashes leaves this service — never the voter key or client key.
 */
@Injectable()
export class PollChainService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly polls: PollsService,
  ) {}

  async chain(pollId: number): Promise<DeliberationChainView> {
    const poll = await this.polls.find(pollId);
    if (poll.status !== 'closed' && poll.hideResultsUntilClose) throw DeliberationErrors.chainHidden();
    const ballots = await this.ballotsOf(poll);
    return {
      pollId: poll.id,
      chainPollId: String(poll.id),
      head: ballots.length ? ballots[ballots.length - 1].hash : genesisHash(String(poll.id)),
      count: ballots.length,
      closed: poll.status === 'closed',
      ballots,
    };
  }

  async checkReceipt(pollId: number, receipt: string): Promise<DeliberationReceiptCheck> {
    const poll = await this.polls.find(pollId);
    const ballots = await this.ballotsOf(poll);
    const expected = { pollId: String(poll.id), head: poll.chainHead ?? genesisHash(String(poll.id)), count: poll.chainSeq };
    const lookup = receiptInChain(receipt, ballots, expected);
    const closed = poll.status === 'closed';
    if (!lookup.found) return { found: false, chainOk: lookup.chainOk, ballot: null, pollClosed: closed };
    const b = lookup.ballot;
    return {
      found: true,
      chainOk: lookup.chainOk,
      ballot: { seq: b.seq, choice: [...b.choice], castAt: b.castAt, supersedesSeq: b.supersedesSeq ?? null },
      pollClosed: closed,
    };
  }

  private async ballotsOf(poll: Poll): Promise<ChainedBallot[]> {
    const rows = await this.dataSource
      .getRepository(PollBallot)
      .find({ where: { pollId: poll.id }, order: { seq: 'ASC' }, select: { seq: true, nonce: true, choice: true, castAt: true, supersedesSeq: true, hash: true } });
    return rows.map((row) => {
      const ballot: ChainedBallot = { pollId: String(poll.id), seq: row.seq, nonce: row.nonce, choice: row.choice, castAt: row.castAt, hash: row.hash };
      if (row.supersedesSeq !== null) ballot.supersedesSeq = row.supersedesSeq;
      return ballot;
    });
  }
}
