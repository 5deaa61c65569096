import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import {
  canonicalBallot,
  chainBallots,
  ChainBallot,
  chainNext,
  chainTallyBallots,
  chainTimestamp,
  genesisHash,
  newBallotNonce,
  receiptInChain,
  verifyChain,
} from './ballot-chain';
import { tallyPoll } from './tally';

const POLL = 'poll-42';
const nonce = (n: number) => n.toString(16).padStart(32, '0');
const ballot = (seq: number, choice: string[], extra: Partial<ChainBallot> = {}): ChainBallot => ({
  pollId: POLL,
  seq,
  nonce: nonce(seq * 7919),
  choice,
  castAt: `2025-03-0${1 + (seq % 8)}T08:00:00.000Z`,
  ...extra,
});
const fiveBallots = () =>
  chainBallots(POLL, [ballot(1, ['agree']), ballot(2, ['disagree']), ballot(3, ['agree']), ballot(4, ['abstain']), ballot(5, ['agree'])]);

describe('ballot chain hashing', () => {
  it('hashes SHA-256 of the previous hash bytes followed by the canonical ballot', () => {
    const b = ballot(1, ['agree']);
    const expected = bytesToHex(sha256(concatBytes(hexToBytes(genesisHash(POLL)), utf8ToBytes(canonicalBallot(b)))));
    expect(chainNext(genesisHash(POLL), b)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('starts each poll from its own genesis hash', () => {
    expect(genesisHash('poll-1')).not.toBe(genesisHash('poll-2'));
    expect(genesisHash('poll-1')).toBe(bytesToHex(sha256(utf8ToBytes('linli/ballot-chain/v1/genesis/poll-1'))));
  });

  it('hashes only the anonymous fields, never a voter identity passed along with them', () => {
    const withVoter = { ...ballot(1, ['agree']), voterKey: 'wx-openid-abc', hash: 'x' } as ChainBallot;
    const text = canonicalBallot(withVoter);
    expect(text).not.toContain('wx-openid-abc');
    expect(text).toBe(canonicalBallot(ballot(1, ['agree'])));
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['castAt', 'choice', 'nonce', 'pollId', 'seq']);
  });

  it('gives different receipts for the same choice at the same position when the nonce differs', () => {
    const a = chainNext(genesisHash(POLL), ballot(1, ['agree'], { nonce: nonce(1) }));
    const b = chainNext(genesisHash(POLL), ballot(1, ['agree'], { nonce: nonce(2) }));
    expect(a).not.toBe(b);
  });

  it('refuses a guessable nonce, a malformed time or a bad previous hash', () => {
    expect(() => canonicalBallot(ballot(1, ['agree'], { nonce: '1234' }))).toThrow(/随机数/);
    expect(() => canonicalBallot(ballot(1, ['agree'], { castAt: '2025-03-01 08:00' }))).toThrow(/时间/);
    expect(() => chainNext('not-a-hash', ballot(1, ['agree']))).toThrow(/哈希/);
  });

  it('makes 128-bit hex nonces from the random source', () => {
    expect(newBallotNonce()).toMatch(/^[0-9a-f]{32}$/);
    expect(newBallotNonce()).not.toBe(newBallotNonce());
    expect(newBallotNonce((n) => new Uint8Array(n).fill(255))).toBe('f'.repeat(32));
  });

  it('formats timestamps the way the chain expects them', () => {
    expect(chainTimestamp(new Date(Date.UTC(2025, 2, 1, 8, 30, 0, 5)))).toBe('2025-03-01T08:30:00.005Z');
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain and returns its head and length', () => {
    const chain = fiveBallots();
    expect(verifyChain(chain)).toEqual({ ok: true, head: chain[4].hash, count: 5 });
    expect(verifyChain(chain, { head: chain[4].hash, count: 5 }).ok).toBe(true);
  });

  it('detects a changed choice at the ballot that was changed', () => {
    const chain = fiveBallots();
    chain[2] = { ...chain[2], choice: ['disagree'] };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 2, reason: 'hash_mismatch', head: chain[1].hash, count: 2 });
  });

  it('detects a changed choice even when the forger rehashed that ballot, at the next one', () => {
    const chain = fiveBallots();
    const forged = { ...chain[2], choice: ['disagree'] };
    chain[2] = { ...forged, hash: chainNext(chain[1].hash, forged) };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it('detects a rewritten tail against the published head', () => {
    const original = fiveBallots();
    const forgedTail = [...original.slice(0, 2), ballot(3, ['disagree']), ballot(4, ['abstain']), ballot(5, ['agree'])];
    const forged = chainBallots(POLL, forgedTail);
    expect(verifyChain(forged).ok).toBe(true);
    expect(verifyChain(forged, { head: original[4].hash })).toMatchObject({ ok: false, reason: 'head_mismatch', brokenAt: 5 });
  });

  it('detects a removed ballot in the middle', () => {
    const chain = fiveBallots();
    chain.splice(1, 1);
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 1, reason: 'seq_gap' });
  });

  it('detects a removed ballot even when the later seqs were renumbered', () => {
    const chain = fiveBallots();
    const shortened = [chain[0], ...chain.slice(2).map((b) => ({ ...b, seq: b.seq - 1 }))];
    expect(verifyChain(shortened)).toMatchObject({ ok: false, brokenAt: 1, reason: 'hash_mismatch' });
  });

  it('detects ballots dropped from the end only against the published head or count', () => {
    const chain = fiveBallots();
    const truncated = chain.slice(0, 3);
    expect(verifyChain(truncated).ok).toBe(true);
    expect(verifyChain(truncated, { head: chain[4].hash })).toMatchObject({ ok: false, reason: 'head_mismatch' });
    expect(verifyChain(truncated, { count: 5 })).toMatchObject({ ok: false, reason: 'count_mismatch' });
  });

  it('detects reordered ballots', () => {
    const chain = fiveBallots();
    [chain[1], chain[2]] = [chain[2], chain[1]];
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 1 });
    // Renumbering the swapped pair to hide the move still breaks the hashes.
    const renumbered = chain.map((b, i) => ({ ...b, seq: i + 1 }));
    expect(verifyChain(renumbered)).toMatchObject({ ok: false, brokenAt: 1, reason: 'hash_mismatch' });
  });

  it("detects a ballot spliced in from another poll's chain", () => {
    const other = chainBallots('poll-7', [ballot(1, ['agree'], { pollId: 'poll-7' })]);
    const chain = fiveBallots();
    expect(verifyChain([chain[0], { ...other[0], seq: 2 }])).toMatchObject({ ok: false, brokenAt: 1, reason: 'poll_mismatch' });
    expect(verifyChain(other, { pollId: POLL })).toMatchObject({ ok: false, brokenAt: 0, reason: 'poll_mismatch' });
  });

  it('reports a malformed stored ballot instead of throwing', () => {
    const chain = fiveBallots();
    chain[3] = { ...chain[3], castAt: 'yesterday' };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 3, reason: 'malformed' });
  });

  it('refuses a revote that points forward or at a ballot already replaced', () => {
    const forward = chainBallots(POLL, [ballot(1, ['agree'], { supersedesSeq: 1 })]);
    expect(verifyChain(forward)).toMatchObject({ ok: false, reason: 'bad_supersedes', brokenAt: 0 });
    const twice = chainBallots(POLL, [ballot(1, ['agree']), ballot(2, ['disagree'], { supersedesSeq: 1 }), ballot(3, ['abstain'], { supersedesSeq: 1 })]);
    expect(verifyChain(twice)).toMatchObject({ ok: false, reason: 'bad_supersedes', brokenAt: 2 });
  });

  it('accepts an empty chain only when nothing was published', () => {
    expect(verifyChain([], { pollId: POLL })).toEqual({ ok: true, head: genesisHash(POLL), count: 0 });
    expect(verifyChain([])).toEqual({ ok: true, head: null, count: 0 });
    expect(verifyChain([], { pollId: POLL, count: 2 }).ok).toBe(false);
  });
});

describe('receiptInChain', () => {
  it("finds a voter's receipt and shows what the chain recorded for it", () => {
    const chain = fiveBallots();
    const lookup = receiptInChain(chain[3].hash.toUpperCase(), chain);
    expect(lookup).toEqual({ found: true, index: 3, ballot: ballot(4, ['abstain']), chainOk: true });
  });

  it('does not find a receipt that is not in the chain', () => {
    expect(receiptInChain('0'.repeat(64), fiveBallots())).toEqual({ found: false, chainOk: true });
  });

  it('does not find a receipt whose ballot content was altered', () => {
    const chain = fiveBallots();
    chain[3] = { ...chain[3], choice: ['agree'] }; // hash kept, content changed
    expect(receiptInChain(chain[3].hash, chain)).toEqual({ found: false, chainOk: false });
  });

  it('still finds receipts before a break but reports the chain as broken', () => {
    const chain = fiveBallots();
    chain[4] = { ...chain[4], choice: ['disagree'] };
    expect(receiptInChain(chain[1].hash, chain)).toMatchObject({ found: true, index: 1, chainOk: false });
  });
});

describe('chainTallyBallots', () => {
  it('lets anyone recount a published chain, counting only the last ballot of each anonymous voter', () => {
    const chain = chainBallots(POLL, [
      ballot(1, ['agree']),
      ballot(2, ['disagree']),
      ballot(3, ['abstain'], { supersedesSeq: 1 }),
      ballot(4, ['agree']),
      ballot(5, ['agree'], { supersedesSeq: 3 }),
      ballot(6, ['agree'], { supersedesSeq: 2 }),
    ]);
    expect(verifyChain(chain).ok).toBe(true);
    const t = tallyPoll({ type: 'approval3' }, chainTallyBallots(chain));
    expect(t.voters).toBe(3);
    expect(t.options).toEqual([
      { optionId: 'agree', votes: 3 },
      { optionId: 'disagree', votes: 0 },
      { optionId: 'abstain', votes: 0 },
    ]);
  });
});

describe('verifyChain properties', () => {
  it('catches any single change to a published chain when checked against the published head', () => {
    const arbChain = fc
      .array(fc.constantFrom('agree', 'disagree', 'abstain'), { minLength: 1, maxLength: 12 })
      .map((choices) => chainBallots(POLL, choices.map((c, i) => ballot(i + 1, [c]))));
    const arbTamper = fc.constantFrom('choice', 'castAt', 'nonce', 'remove', 'swap', 'truncate');
    fc.assert(
      fc.property(arbChain, fc.nat(), arbTamper, (chain, pick, tamper) => {
        const head = chain[chain.length - 1].hash;
        const i = pick % chain.length;
        const t = [...chain];
        if (tamper === 'choice') t[i] = { ...t[i], choice: [t[i].choice[0] === 'agree' ? 'disagree' : 'agree'] };
        if (tamper === 'castAt') t[i] = { ...t[i], castAt: '2030-01-01T00:00:00.000Z' };
        if (tamper === 'nonce') t[i] = { ...t[i], nonce: 'f'.repeat(32) };
        if (tamper === 'remove' || tamper === 'truncate') t.splice(tamper === 'remove' ? i : t.length - 1, 1);
        if (tamper === 'swap') {
          if (chain.length < 2) return;
          const j = (i + 1) % chain.length;
          [t[i], t[j]] = [{ ...t[j], seq: t[i].seq }, { ...t[i], seq: t[j].seq }];
        }
        expect(verifyChain(t, { pollId: POLL, head }).ok).toBe(false);
      }),
    );
  });
});
