import { receiptInChain, verifyChain, type DeliberationChainView } from '@linli/shared';

export interface LocalReceiptCheck {
  /** The whole published chain recomputes from its genesis to the published head. */
  chainOk: boolean;
  /** The receipt is in the verified part of the chain. */
  found: boolean;
  /** What the chain recorded under it (anonymous), to compare with what the voter chose. */
  choice: string[] | null;
  /** A later ballot of the same voter replaced this one. */
  superseded: boolean;
  message: string;
}

/**
 * Checks a receipt on the phone itself, against the chain the server publishes: every hash is recomputed
 * here (shared ballot-chain rules), so the voter does not have to trust the server's own "found".
 */
export function checkReceiptLocally(receipt: string, chain: DeliberationChainView): LocalReceiptCheck {
  const expected = { pollId: chain.chainPollId, head: chain.head, count: chain.count };
  const chainOk = verifyChain(chain.ballots, expected).ok;
  const lookup = receiptInChain(receipt, chain.ballots, expected);
  if (!lookup.found) {
    return { chainOk, found: false, choice: null, superseded: false, message: chainOk ? '链上没有这张回执，请核对是否抄错' : '公示的选票链校验不通过，请联系居委会' };
  }
  const seq = lookup.ballot.seq;
  const superseded = chain.ballots.some((b) => b.supersedesSeq === seq);
  const message = !chainOk
    ? '回执在链上，但链的后续部分校验不通过，请联系居委会'
    : superseded
      ? '回执在链上；你之后修改了投票，以最后一次为准'
      : '回执在链上，选票未被篡改';
  return { chainOk, found: true, choice: [...lookup.ballot.choice], superseded, message };
}
