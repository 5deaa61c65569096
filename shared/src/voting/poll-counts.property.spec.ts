import fc from 'fast-check';
import { APPROVAL3_OPTIONS, Approval3Choice, pollOptionIds, VotingPoll } from './ballot-rules';
import { decideOwnerMatter, decideOwnerMatterFromCount, indexOwnerRoll } from './owner-decision';
import { OwnerUnit } from './owner-headcount';
import { OWNER_MATTER_KEYS, OWNER_MATTERS, OwnerMatter } from './owner-matters';
import { applyBallotToCounts, choiceMask, countGroups, CountGroup, emptyPollCounts, PollCounts } from './poll-counts';
import { createTally } from './tally';

/**
 * Every way a poll is counted — the final count from the groups the database returns, the live counts after each
 * ballot, the per-ballot recounts (createTally, decideOwnerMatter) — against the straightforward recount written
 * out below: take each voter's last ballot, add up, compare with bigint cross-multiplication.
 */

/** A chain of ballots: voter, choice, and the seq of the ballot it supersedes, as the intake writes them. */
interface Ballot {
  seq: number;
  voter: number;
  choice: string[];
  supersedesSeq: number | null;
}

function chainOf(votes: { voter: number; choice: string[] }[]): Ballot[] {
  const current = new Map<number, number>();
  return votes.map(({ voter, choice }, i) => {
    const seq = i + 1;
    const supersedesSeq = current.get(voter) ?? null;
    current.set(voter, seq);
    return { seq, voter, choice, supersedesSeq };
  });
}

/** What the close's SQL returns: ballots nobody supersedes, grouped by choice mask and owner head, counted and summed. */
function groupAsTheDatabase(poll: VotingPoll, chain: Ballot[], stamp: (voter: number) => { area: number; head: number | null }): CountGroup[] {
  const ids = pollOptionIds(poll);
  const superseded = new Set(chain.flatMap((b) => (b.supersedesSeq === null ? [] : [b.supersedesSeq])));
  const groups = new Map<string, CountGroup>();
  for (const b of chain) {
    if (superseded.has(b.seq)) continue;
    const { area, head } = stamp(b.voter);
    const mask = choiceMask(b.choice.map((id) => ids.indexOf(id)));
    const key = `${mask}/${head}`;
    const g = groups.get(key) ?? { choiceMask: mask, head, ballots: 0, area: 0 };
    g.ballots++;
    g.area += area;
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** The live counts as the intake keeps them: each accepted ballot moves its voter from their previous choice. */
function liveCounts(poll: VotingPoll, chain: Ballot[], weight: (voter: number) => number, weighted: boolean): PollCounts {
  const ids = pollOptionIds(poll);
  const positions = (choice: string[]) => choice.map((id) => ids.indexOf(id));
  const current = new Map<number, string[]>();
  let counts = emptyPollCounts(ids.length, weighted);
  for (const b of chain) {
    const previous = current.get(b.voter);
    counts = applyBallotToCounts(counts, { positions: positions(b.choice), previous: previous ? positions(previous) : null, weight: weighted ? weight(b.voter) : undefined });
    current.set(b.voter, b.choice);
  }
  return counts;
}

/** Each voter's last ballot. */
function lastChoices(chain: Ballot[]): Map<number, string[]> {
  const last = new Map<number, string[]>();
  for (const b of [...chain].sort((x, y) => x.seq - y.seq)) last.set(b.voter, b.choice);
  return last;
}

describe('poll counts against a straightforward recount: personal votes', () => {
  const arbPoll = fc.integer({ min: 2, max: 8 }).chain((n) =>
    fc.record({
      optionIds: fc.constant(Array.from({ length: n }, (_, i) => `o${i}`)),
      maxChoices: fc.integer({ min: 1, max: n }),
    }),
  );
  const arbCase = arbPoll.chain(({ optionIds, maxChoices }) =>
    fc.record({
      poll: fc.constant<VotingPoll>({ type: 'multiple', optionIds, maxChoices }),
      voters: fc.integer({ min: 1, max: 30 }),
      votes: fc.array(
        fc.record({
          voter: fc.nat(29),
          choice: fc.shuffledSubarray(optionIds, { minLength: 1, maxLength: maxChoices }).map((picked) => optionIds.filter((id) => picked.includes(id))),
        }),
        { maxLength: 80 },
      ),
    }),
  );

  it('gives the same votes, voters and turnout by groups, live and ballot by ballot', () => {
    fc.assert(
      fc.property(arbCase, ({ poll, voters, votes }) => {
        const chain = chainOf(votes.map((v) => ({ ...v, voter: v.voter % voters })));
        const ids = pollOptionIds(poll);
        const last = lastChoices(chain);
        const expectedVotes = ids.map((id) => [...last.values()].filter((c) => c.includes(id)).length);

        const final = countGroups(poll, groupAsTheDatabase(poll, chain, () => ({ area: 0, head: null })), { ballotsReceived: chain.length, eligibleVoters: voters });
        expect(final.tally.options.map((o) => o.votes)).toEqual(expectedVotes);
        expect(final.tally).toMatchObject({ voters: last.size, superseded: chain.length - last.size, invalid: 0 });

        const recount = createTally(poll, { eligibleVoters: voters });
        for (const b of chain) recount.add({ voterKey: `user:${b.voter}`, seq: b.seq, choice: b.choice });
        expect(recount.result()).toEqual(final.tally);

        expect(liveCounts(poll, chain, () => 0, false)).toEqual(final.counts);
      }),
    );
  });
});

describe('poll counts against a straightforward recount: owners’ votes (Art. 278)', () => {
  /**
   * A roll of 1–40 units over a few owners, so owners of several units are common, some of them the developer's;
   * areas now and then large enough that a float sum would no longer be exact.
   */
  const arbRoll = fc
    .array(
      fc.record({
        ownerKey: fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'o10', 'o11', 'o12'),
        exclusiveArea: fc.oneof(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 2 ** 47 })),
        developerUnsold: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((rows) => rows.map((r, i): OwnerUnit => ({ unitId: `u${i}`, ...r })));
  const arbCase = arbRoll.chain((roll) =>
    fc.record({
      matter: fc.constantFrom(...OWNER_MATTER_KEYS),
      roll: fc.constant(roll),
      votes: fc.array(fc.record({ voter: fc.nat(roll.length - 1), choice: fc.constantFrom(...APPROVAL3_OPTIONS).map((c) => [c as string]) }), { maxLength: 100 }),
    }),
  );

  /** The decision worked out by hand from each unit's last ballot. */
  function recountByHand(matter: OwnerMatter, roll: OwnerUnit[], chain: Ballot[]) {
    const headOf = (u: OwnerUnit) => (u.developerUnsold ? 'the developer' : `owner ${u.ownerKey}`);
    const last = lastChoices(chain);
    const byChoice = Object.fromEntries(APPROVAL3_OPTIONS.map((c) => [c, { area: 0n, units: 0 }])) as Record<Approval3Choice, { area: bigint; units: number }>;
    const ownerAgrees = new Map<string, boolean>();
    for (const [voter, [choice]] of last) {
      const unit = roll[voter];
      byChoice[choice as Approval3Choice].area += BigInt(unit.exclusiveArea);
      byChoice[choice as Approval3Choice].units++;
      ownerAgrees.set(headOf(unit), (ownerAgrees.get(headOf(unit)) ?? true) && choice === 'agree');
    }
    const totalArea = roll.reduce((sum, u) => sum + BigInt(u.exclusiveArea), 0n);
    const totalOwners = BigInt(new Set(roll.map(headOf)).size);
    const area = byChoice.agree.area + byChoice.disagree.area + byChoice.abstain.area;
    const owners = BigInt(ownerAgrees.size);
    const agreeingOwners = BigInt([...ownerAgrees.values()].filter(Boolean).length);
    const special = OWNER_MATTERS[matter].agreement === 'special';
    // Two thirds or more take part; then three quarters or more (items 6–8) or more than half agree.
    const takesPart = (part: bigint, whole: bigint) => whole > 0n && 3n * part >= 2n * whole;
    const agrees = (part: bigint, whole: bigint) => whole > 0n && (special ? 4n * part >= 3n * whole : 2n * part > whole);
    const valid = takesPart(area, totalArea) && takesPart(owners, totalOwners);
    return {
      totals: { area: totalArea, owners: totalOwners, units: roll.length },
      participating: { area, owners, units: last.size },
      agreeing: { area: byChoice.agree.area, owners: agreeingOwners, units: byChoice.agree.units },
      byChoice,
      valid,
      passed: valid && agrees(byChoice.agree.area, area) && agrees(agreeingOwners, owners),
    };
  }

  it('decides the same from the database’s groups as the straightforward recount of each unit’s last ballot', () => {
    fc.assert(
      fc.property(arbCase, ({ matter, roll, votes }) => {
        const chain = chainOf(votes);
        const index = indexOwnerRoll(roll);
        const stamp = (voter: number) => index.units.get(roll[voter].unitId)!;
        const count = countGroups({ type: 'approval3' }, groupAsTheDatabase({ type: 'approval3' }, chain, stamp), { ballotsReceived: chain.length, eligibleVoters: roll.length, weighted: true });
        const decision = decideOwnerMatterFromCount(matter, index.totals, count);

        const expected = recountByHand(matter, roll, chain);
        const big = (o: { area: number; owners: number; units: number }) => ({ area: BigInt(o.area), owners: BigInt(o.owners), units: o.units });
        expect(big(decision.totals)).toEqual(expected.totals);
        expect(big(decision.participating)).toEqual(expected.participating);
        expect(big(decision.agreeing)).toEqual(expected.agreeing);
        for (const c of APPROVAL3_OPTIONS) expect({ area: BigInt(decision.byChoice[c].area), units: decision.byChoice[c].units }).toEqual(expected.byChoice[c]);
        expect({ valid: decision.valid, passed: decision.passed }).toEqual({ valid: expected.valid, passed: expected.passed });

        // The per-ballot recount and the live counts go through the same rules and must agree to the last field.
        const ballots = chain.map((b) => ({ unitId: roll[b.voter].unitId, choice: b.choice[0] as Approval3Choice, seq: b.seq }));
        expect(decideOwnerMatter(matter, roll, ballots)).toEqual(decision);
        expect(liveCounts({ type: 'approval3' }, chain, (voter) => roll[voter].exclusiveArea, true)).toEqual(count.counts);
        const recount = createTally({ type: 'approval3' }, { eligibleVoters: roll.length });
        for (const b of chain) recount.add({ voterKey: `unit:${roll[b.voter].unitId}`, seq: b.seq, choice: b.choice });
        expect(recount.result()).toEqual(count.tally);
      }),
    );
  });

  it('gives the same decision however the database orders or splits its groups', () => {
    fc.assert(
      fc.property(
        arbCase.chain((c) => fc.tuple(fc.constant(c), fc.infiniteStream(fc.boolean()), fc.nat())),
        ([{ matter, roll, votes }, splits, seed]) => {
          const chain = chainOf(votes);
          const index = indexOwnerRoll(roll);
          const groups = groupAsTheDatabase({ type: 'approval3' }, chain, (voter) => index.units.get(roll[voter].unitId)!);
          // Split some groups of single-unit owners in two (as a database may hand back one group in parts), and rotate the list.
          const split = groups.flatMap((g) => {
            if (g.head !== null || g.ballots < 2 || !splits.next().value) return [g];
            const half = Math.floor(g.area / 2);
            return [
              { ...g, ballots: 1, area: half },
              { ...g, ballots: g.ballots - 1, area: g.area - half },
            ];
          });
          const rotated = split.map((_, i) => split[(i + seed) % split.length]);
          const decide = (gs: CountGroup[]) =>
            decideOwnerMatterFromCount(matter, index.totals, countGroups({ type: 'approval3' }, gs, { ballotsReceived: chain.length, weighted: true }));
          expect(decide(rotated)).toEqual(decide(groups));
        },
      ),
    );
  });
});
