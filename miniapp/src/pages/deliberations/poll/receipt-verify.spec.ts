import { chainBallots, genesisHash, type ChainBallot, type DeliberationChainView } from '@linli/shared';
import { checkReceiptLocally } from './receipt-verify';

const nonce = (n: number) => n.toString(16).padStart(32, '0');

function chainOf(ballots: ChainBallot[]): DeliberationChainView {
  const chained = chainBallots('7', ballots);
  return { pollId: 7, chainPollId: '7', head: chained.at(-1)?.hash ?? genesisHash('7'), count: chained.length, closed: true, ballots: chained };
}

const ballots: ChainBallot[] = [
  { pollId: '7', seq: 1, nonce: nonce(1), choice: ['a'], castAt: '2026-11-23T06:00:00.000Z' },
  { pollId: '7', seq: 2, nonce: nonce(2), choice: ['b'], castAt: '2026-11-23T06:01:00.000Z' },
  { pollId: '7', seq: 3, nonce: nonce(3), choice: ['b'], castAt: '2026-11-23T06:02:00.000Z', supersedesSeq: 1 },
];

describe('checking a receipt on the phone', () => {
  it('finds a receipt and reads back the recorded choice', () => {
    const chain = chainOf(ballots);
    const check = checkReceiptLocally(chain.ballots[1].hash, chain);
    expect(check).toMatchObject({ chainOk: true, found: true, choice: ['b'], superseded: false });
  });

  it('says when the voter later changed that ballot', () => {
    const chain = chainOf(ballots);
    const check = checkReceiptLocally(chain.ballots[0].hash.toUpperCase(), chain);
    expect(check).toMatchObject({ found: true, superseded: true });
    expect(check.message).toContain('以最后一次为准');
  });

  it('does not find a receipt whose ballot was altered after it was cast', () => {
    const chain = chainOf(ballots);
    const tampered = { ...chain, ballots: chain.ballots.map((b, i) => (i === 0 ? { ...b, choice: ['b'] } : b)) };
    const check = checkReceiptLocally(chain.ballots[1].hash, tampered);
    expect(check).toMatchObject({ chainOk: false, found: false });
  });

  it('reports a receipt that is not in an intact chain', () => {
    const check = checkReceiptLocally('0'.repeat(64), chainOf(ballots));
    expect(check).toMatchObject({ chainOk: true, found: false });
  });
});
