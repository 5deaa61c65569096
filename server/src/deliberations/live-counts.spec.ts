import { applyBallotToLiveCounts, emptyLiveCounts } from './live-counts';

const OPTIONS = ['a', 'b', 'c'];

describe('live counts', () => {
  it('adds a first ballot and counts one more voter', () => {
    const counts = applyBallotToLiveCounts(emptyLiveCounts(3, false), OPTIONS, { choice: ['a', 'c'], previous: null });
    expect(counts).toEqual({ votes: [1, 0, 1], voters: 1 });
  });

  it('moves a revote from the old choice to the new one without adding a voter', () => {
    const first = applyBallotToLiveCounts(emptyLiveCounts(3, false), OPTIONS, { choice: ['a'], previous: null });
    const revote = applyBallotToLiveCounts(first, OPTIONS, { choice: ['b'], previous: ['a'] });
    expect(revote).toEqual({ votes: [0, 1, 0], voters: 1 });
  });

  it('weights owners by area and moves the area with a revote', () => {
    const start = emptyLiveCounts(3, true);
    const one = applyBallotToLiveCounts(start, OPTIONS, { choice: ['a'], previous: null, weight: 8937 });
    const two = applyBallotToLiveCounts(one, OPTIONS, { choice: ['c'], previous: ['a'], weight: 8937 });
    expect(one.area).toEqual([8937, 0, 0]);
    expect(two.area).toEqual([0, 0, 8937]);
    expect(start.area).toEqual([0, 0, 0]);
  });
});
