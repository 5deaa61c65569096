import { LiveSeqTracker } from './seq-tracker';

describe('LiveSeqTracker', () => {
  it('accepts rising seqs and drops repeats and older ones per room', () => {
    const tracker = new LiveSeqTracker();
    const accepted = [3, 4, 4, 2, 5, 7, 6].filter((seq) => tracker.accept('case:1', seq));
    expect(accepted).toEqual([3, 4, 5, 7]);
    expect(tracker.lastSeq('case:1')).toBe(7);
  });

  it('keeps rooms apart', () => {
    const tracker = new LiveSeqTracker();
    tracker.accept('case:1', 10);
    expect(tracker.accept('case:2', 1)).toBe(true);
    expect(tracker.lastSeq('case:2')).toBe(1);
  });

  it('treats a seq loaded over HTTP as already applied without moving backwards', () => {
    const tracker = new LiveSeqTracker();
    tracker.advance('poll:4', 8);
    tracker.advance('poll:4', 5);
    expect(tracker.lastSeq('poll:4')).toBe(8);
    expect(tracker.accept('poll:4', 8)).toBe(false);
    expect(tracker.accept('poll:4', 9)).toBe(true);
  });

  it('forgets a room so a later subscription starts fresh', () => {
    const tracker = new LiveSeqTracker();
    tracker.accept('case:1', 4);
    tracker.forget('case:1');
    expect(tracker.lastSeq('case:1')).toBeUndefined();
    expect(tracker.accept('case:1', 1)).toBe(true);
  });
});
