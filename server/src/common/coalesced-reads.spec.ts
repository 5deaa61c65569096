import { CoalescedReads } from './coalesced-reads';

/** A fetch whose answers the test releases by hand, recording which keys each call named. */
function controlledFetch() {
  const calls: Array<{ keys: number[]; release: (values: Map<number, string>) => void; fail: (error: Error) => void }> = [];
  const fetch = (keys: number[]) =>
    new Promise<Map<number, string>>((resolve, reject) => {
      calls.push({ keys: [...keys], release: resolve, fail: reject });
    });
  return { calls, fetch };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescedReads', () => {
  it('answers loads asked in the same turn with one fetch naming each key once', async () => {
    const { calls, fetch } = controlledFetch();
    const reads = new CoalescedReads(fetch);
    const answers = Promise.all([reads.load(1), reads.load(2), reads.load(1), reads.load(3)]);
    await nextTurn();
    expect(calls.map((c) => c.keys)).toEqual([[1, 2, 3]]);
    calls[0].release(new Map([[1, 'one'], [2, 'two']]));
    await expect(answers).resolves.toEqual(['one', 'two', 'one', undefined]);
  });

  it('never answers a key from a fetch that started before the key was asked for', async () => {
    const { calls, fetch } = controlledFetch();
    const reads = new CoalescedReads(fetch);
    const early = reads.load(7);
    await nextTurn();
    expect(calls).toHaveLength(1);
    // Asked while the first fetch is running: its answer must come from a later fetch.
    const late = reads.load(7);
    const other = reads.load(8);
    calls[0].release(new Map([[7, 'before']]));
    await expect(early).resolves.toBe('before');
    await nextTurn();
    expect(calls.map((c) => c.keys)).toEqual([[7], [7, 8]]);
    calls[1].release(new Map([[7, 'after'], [8, 'eight']]));
    await expect(late).resolves.toBe('after');
    await expect(other).resolves.toBe('eight');
  });

  it('rejects every load of a failed fetch and still serves later loads', async () => {
    const { calls, fetch } = controlledFetch();
    const reads = new CoalescedReads(fetch);
    const a = reads.load(1);
    const b = reads.load(2);
    await nextTurn();
    calls[0].fail(new Error('database gone'));
    await expect(a).rejects.toThrow('database gone');
    await expect(b).rejects.toThrow('database gone');
    const c = reads.load(1);
    await nextTurn();
    calls[1].release(new Map([[1, 'back']]));
    await expect(c).resolves.toBe('back');
  });

  it('splits more distinct keys than one batch may name over consecutive fetches', async () => {
    const { calls, fetch } = controlledFetch();
    const reads = new CoalescedReads(fetch, 2);
    const answers = Promise.all([1, 2, 3, 4, 5].map((k) => reads.load(k)));
    await nextTurn();
    for (let i = 0; i < 3; i++) {
      calls[i].release(new Map(calls[i].keys.map((k) => [k, `v${k}`])));
      await nextTurn();
    }
    expect(calls.map((c) => c.keys)).toEqual([[1, 2], [3, 4], [5]]);
    await expect(answers).resolves.toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
  });
});
