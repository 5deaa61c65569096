import { decideOwnerMatter, tallyPoll, type OwnerUnit } from '@linli/shared';
import { optionRows, resultHeadline, thresholdLines } from './result-lines';

// Four owners, 100 m² each (hundredths of m²).
const units: OwnerUnit[] = ['u1', 'u2', 'u3', 'u4'].map((unitId) => ({ unitId, ownerKey: unitId, exclusiveArea: 10_000 }));

describe('Art. 278 threshold lines', () => {
  it('shows each share against its threshold with a tick when met', () => {
    // Three of four take part (75% ≥ 2/3); two of the three agree (66.66% > 1/2).
    const decision = decideOwnerMatter('use_maintenance_fund', units, [
      { unitId: 'u1', choice: 'agree' },
      { unitId: 'u2', choice: 'agree' },
      { unitId: 'u3', choice: 'disagree' },
    ]);
    expect(thresholdLines(decision).map((l) => l.text)).toEqual([
      '参与面积 75.00% ≥ 2/3 ✓',
      '参与人数 75.00% ≥ 2/3 ✓',
      '同意面积 66.66% > 1/2 ✓',
      '同意人数 66.66% > 1/2 ✓',
    ]);
    expect(resultHeadline({ type: 'approval3', options: [] }, tallyPoll({ type: 'approval3' }, []), decision)).toBe('决议通过');
  });

  it('prints the negated sign and a cross when a threshold is missed', () => {
    // Two of four take part: 50% is short of two thirds, so the vote does not stand.
    const decision = decideOwnerMatter('raise_maintenance_fund', units, [
      { unitId: 'u1', choice: 'agree' },
      { unitId: 'u2', choice: 'disagree' },
    ]);
    const lines = thresholdLines(decision);
    expect(lines[0]).toEqual({ key: 'participationArea', text: '参与面积 50.00% < 2/3 ✗', met: false });
    expect(lines[2].text).toBe('同意面积 50.00% < 3/4 ✗');
    expect(resultHeadline({ type: 'approval3', options: [] }, tallyPoll({ type: 'approval3' }, []), decision)).toContain('不成立');
  });

  it('reads exactly half as not more than half', () => {
    const decision = decideOwnerMatter('use_maintenance_fund', units, [
      { unitId: 'u1', choice: 'agree' },
      { unitId: 'u2', choice: 'agree' },
      { unitId: 'u3', choice: 'disagree' },
      { unitId: 'u4', choice: 'disagree' },
    ]);
    expect(thresholdLines(decision)[2].text).toBe('同意面积 50.00% ≤ 1/2 ✗');
  });
});

describe('option rows', () => {
  const poll = { type: 'single' as const, options: [{ id: 'a', label: '甲' }, { id: 'b', label: '乙' }, { id: 'c', label: '丙' }] };

  it('lists every option in poll order with its share of the counted voters, marking the leader', () => {
    const tally = tallyPoll({ type: 'single', optionIds: ['a', 'b', 'c'] }, [
      { voterKey: 'x', seq: 1, choice: ['b'] },
      { voterKey: 'y', seq: 2, choice: ['b'] },
      { voterKey: 'z', seq: 3, choice: ['a'] },
    ]);
    expect(optionRows(poll, tally, tally.leaders)).toEqual([
      { optionId: 'a', label: '甲', votes: 1, percent: '33.33%', leading: false },
      { optionId: 'b', label: '乙', votes: 2, percent: '66.66%', leading: true },
      { optionId: 'c', label: '丙', votes: 0, percent: '0.00%', leading: false },
    ]);
    expect(resultHeadline(poll, tally, null)).toBe('得票最多：乙');
  });

  it('names every option of a tie and says when nobody voted', () => {
    const tie = tallyPoll({ type: 'single', optionIds: ['a', 'b', 'c'] }, [
      { voterKey: 'x', seq: 1, choice: ['a'] },
      { voterKey: 'y', seq: 2, choice: ['c'] },
    ]);
    expect(resultHeadline(poll, tie, null)).toBe('并列最多：甲、丙');
    expect(resultHeadline(poll, tallyPoll({ type: 'single', optionIds: ['a', 'b', 'c'] }, []), null)).toBe('无人投票');
  });
});
