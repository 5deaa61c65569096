import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, concatBytes, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonical-json';
import { VotingChoice } from './ballot-rules';
import { TallyBallot } from './tally';

/**
 * Tamper evidence for a poll's ballots. Every accepted ballot is linked to the one before it:
 *
 *   hash(n) = SHA-256( bytes(hash(n-1)) || UTF-8(canonical(ballot n)) ),  hash(0) = genesisHash(pollId)
 *
 * The voter keeps hash(n) as their receipt; the bulletin board publishes the head (last hash) and
 * the count. Changing, removing or reordering any ballot changes every hash after it, so the
 * published head no longer matches and every later receipt disappears from the chain.
 *
 * The hashed ballot is anonymous: poll, position, choice, time, and a random nonce — never who
 * voted. Without the nonce a receipt could be guessed by hashing each possible choice at a known
 * position; with 128 random bits it cannot. Uses @noble/hashes so the mini-program can verify too.
 */
export interface ChainBallot {
  pollId: string;
  /** Position in the poll's chain: 1, 2, 3, … in acceptance order (the tally's seq). */
  seq: number;
  /** At least 128 random bits as lowercase hex; see newBallotNonce. */
  nonce: string;
  /** Option ids in the poll's order, as validateBallot returns them. */
  choice: VotingChoice;
  /** ISO-8601 UTC with millisecond or second precision. Store it so it reads back byte-identical. */
  castAt: string;
  /**
   * The seq of this voter's earlier ballot that this one replaces, if any. It links a revote to its
   * predecessor without naming the voter, so anyone can recount the chain (chainTallyBallots).
   */
  supersedesSeq?: number;
}

export interface ChainedBallot extends ChainBallot {
  hash: string;
}

export type ChainBreak =
  | 'malformed' // a field is not in the form the canonical ballot needs
  | 'poll_mismatch' // a ballot of another poll
  | 'seq_gap' // positions are not 1, 2, 3, … (a ballot removed or moved)
  | 'bad_supersedes' // points forward, or at a ballot already replaced
  | 'hash_mismatch' // content or order differs from what was hashed
  | 'head_mismatch' // the chain verifies but ends elsewhere than the published head (truncated or extended)
  | 'count_mismatch';

export interface ChainVerification {
  ok: boolean;
  /** Hash of the last ballot that verified (the genesis hash if none did; null if the poll is unknown). */
  head: string | null;
  /** Ballots that verified before any break. */
  count: number;
  /** Index of the first ballot that failed, or the chain length for a head/count mismatch. */
  brokenAt?: number;
  reason?: ChainBreak;
}

const HEX_HASH = /^[0-9a-f]{64}$/;
const HEX_NONCE = /^[0-9a-f]{32,128}$/;
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const GENESIS_PREFIX = 'linli/ballot-chain/v1/genesis/';

/** The hash a poll's chain starts from; distinct per poll so chains cannot be spliced together. */
export function genesisHash(pollId: string): string {
  return bytesToHex(sha256(utf8ToBytes(GENESIS_PREFIX + pollId)));
}

/** 128 random bits for a ballot's nonce. */
export function newBallotNonce(random: (bytes: number) => Uint8Array = randomBytes): string {
  return bytesToHex(random(16));
}

/** castAt in the form the chain hashes: what Date#toISOString gives (UTC, milliseconds). */
export function chainTimestamp(date: Date): string {
  return date.toISOString();
}

/**
 * The exact text that is hashed. Fields are picked one by one, so passing a richer object (one that
 * also holds the voter, or the stored hash) can never leak them into the chain.
 */
export function canonicalBallot(ballot: ChainBallot): string {
  if (typeof ballot.pollId !== 'string' || ballot.pollId.length === 0) throw new BallotChainError('pollId 不能为空');
  if (!Number.isSafeInteger(ballot.seq) || ballot.seq < 1) throw new BallotChainError(`选票序号无效：${String(ballot.seq)}`);
  if (typeof ballot.nonce !== 'string' || !HEX_NONCE.test(ballot.nonce)) throw new BallotChainError('选票随机数无效');
  if (!Array.isArray(ballot.choice) || ballot.choice.some((c) => typeof c !== 'string')) {
    throw new BallotChainError('选票选择无效');
  }
  if (typeof ballot.castAt !== 'string' || !UTC_INSTANT.test(ballot.castAt)) {
    throw new BallotChainError(`投票时间格式无效：${String(ballot.castAt)}`);
  }
  if (ballot.supersedesSeq !== undefined && !(Number.isSafeInteger(ballot.supersedesSeq) && ballot.supersedesSeq >= 1)) {
    throw new BallotChainError(`被替换的选票序号无效：${String(ballot.supersedesSeq)}`);
  }
  return canonicalJson({
    pollId: ballot.pollId,
    seq: ballot.seq,
    nonce: ballot.nonce,
    choice: [...ballot.choice],
    castAt: ballot.castAt,
    supersedesSeq: ballot.supersedesSeq,
  });
}

/** The hash (receipt) of `ballot` when it follows a ballot whose hash is `prevHash`. */
export function chainNext(prevHash: string, ballot: ChainBallot): string {
  if (!HEX_HASH.test(prevHash)) throw new BallotChainError('前一张选票的哈希格式无效');
  return bytesToHex(sha256(concatBytes(hexToBytes(prevHash), utf8ToBytes(canonicalBallot(ballot)))));
}

/** Links a poll's ballots, in order, into a chain (for seeding and tests; the server appends one at a time). */
export function chainBallots(pollId: string, ballots: readonly ChainBallot[]): ChainedBallot[] {
  let prev = genesisHash(pollId);
  return ballots.map((ballot) => {
    prev = chainNext(prev, ballot);
    return { ...ballot, hash: prev };
  });
}

/**
 * Recomputes the chain from its genesis and reports the first break. Removing ballots from the end
 * leaves a shorter chain that is consistent in itself; only a comparison with the published head
 * (or count) catches that, so pass them when known.
 */
export function verifyChain(
  ballots: readonly ChainedBallot[],
  expected: { pollId?: string; head?: string; count?: number } = {},
): ChainVerification {
  const pollId = expected.pollId ?? ballots[0]?.pollId;
  if (pollId === undefined) {
    const ok = expected.head === undefined && (expected.count ?? 0) === 0;
    return ok ? { ok, head: null, count: 0 } : { ok, head: null, count: 0, brokenAt: 0, reason: 'head_mismatch' };
  }
  let prev = genesisHash(pollId);
  const replaced = new Set<number>();
  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i];
    const broken = (reason: ChainBreak): ChainVerification => ({ ok: false, head: prev, count: i, brokenAt: i, reason });
    if (ballot.pollId !== pollId) return broken('poll_mismatch');
    if (ballot.seq !== i + 1) return broken('seq_gap');
    if (ballot.supersedesSeq !== undefined) {
      if (!(ballot.supersedesSeq < ballot.seq) || replaced.has(ballot.supersedesSeq)) return broken('bad_supersedes');
      replaced.add(ballot.supersedesSeq);
    }
    let hash: string;
    try {
      hash = chainNext(prev, ballot);
    } catch (e) {
      if (e instanceof BallotChainError) return broken('malformed');
      throw e;
    }
    if (typeof ballot.hash !== 'string' || hash !== ballot.hash.toLowerCase()) return broken('hash_mismatch');
    prev = hash;
  }
  const count = ballots.length;
  if (expected.head !== undefined && expected.head.toLowerCase() !== prev) {
    return { ok: false, head: prev, count, brokenAt: count, reason: 'head_mismatch' };
  }
  if (expected.count !== undefined && expected.count !== count) {
    return { ok: false, head: prev, count, brokenAt: count, reason: 'count_mismatch' };
  }
  return { ok: true, head: prev, count };
}

export type ReceiptLookup =
  | { found: false; chainOk: boolean }
  /** `ballot` is what the chain recorded under the receipt: the voter checks the choice matches theirs. */
  | { found: true; index: number; ballot: ChainBallot; chainOk: boolean };

/**
 * Finds a voter's receipt in a poll's chain. It is only "found" where the chain verifies from the
 * genesis up to and including that ballot — a receipt copied next to altered content is not found.
 * `chainOk` says whether the rest of the chain verifies too.
 */
export function receiptInChain(
  receipt: string,
  ballots: readonly ChainedBallot[],
  expected: { pollId?: string; head?: string; count?: number } = {},
): ReceiptLookup {
  const wanted = receipt.trim().toLowerCase();
  const verification = verifyChain(ballots, expected);
  const verifiedUpTo = verification.ok ? ballots.length : verification.count;
  for (let i = 0; i < verifiedUpTo; i++) {
    if (ballots[i].hash.toLowerCase() === wanted) {
      return { found: true, index: i, ballot: pickChainBallot(ballots[i]), chainOk: verification.ok };
    }
  }
  return { found: false, chainOk: verification.ok };
}

/**
 * The chain as ballots for tallyPoll, so anyone can recount a published chain: a revote inherits the
 * anonymous voter key (the seq of that voter's first ballot) of the ballot it supersedes.
 */
export function chainTallyBallots(ballots: readonly ChainBallot[]): TallyBallot[] {
  const rootOf = new Map<number, number>();
  return ballots.map((b) => {
    const root = b.supersedesSeq === undefined ? b.seq : (rootOf.get(b.supersedesSeq) ?? b.supersedesSeq);
    rootOf.set(b.seq, root);
    return { voterKey: `#${root}`, seq: b.seq, choice: b.choice };
  });
}

function pickChainBallot(b: ChainBallot): ChainBallot {
  const picked: ChainBallot = { pollId: b.pollId, seq: b.seq, nonce: b.nonce, choice: b.choice, castAt: b.castAt };
  if (b.supersedesSeq !== undefined) picked.supersedesSeq = b.supersedesSeq;
  return picked;
}

export class BallotChainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BallotChainError';
  }
}
