import {
  CASE_ACTORS,
  CASE_EVENTS,
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CaseActor,
  CaseEvent,
  CaseStatus,
  canFire,
  eventsAvailable,
  isOpen,
  isRecordOnlyCaseEvent,
  isTerminal,
  nextCaseStatus,
} from './case-status';
import { decideCaseMove } from './case-move';

type Expected = { to: CaseStatus; actors: CaseActor[] };

/** The agreed process, written out by hand: status → event → (target, who may fire it). */
const ALLOWED: Partial<Record<CaseStatus, Partial<Record<CaseEvent, Expected>>>> = {
  submitted: {
    accept: { to: 'accepted', actors: ['grid_worker', 'dispatcher'] },
    reject: { to: 'rejected', actors: ['grid_worker', 'dispatcher'] },
    dispatch: { to: 'dispatched', actors: ['dispatcher'] },
    reassign: { to: 'submitted', actors: ['dispatcher', 'supervisor'] },
    escalate: { to: 'submitted', actors: ['system'] },
  },
  accepted: {
    reject: { to: 'rejected', actors: ['grid_worker', 'dispatcher'] },
    dispatch: { to: 'dispatched', actors: ['grid_worker', 'dispatcher'] },
    start: { to: 'in_progress', actors: ['grid_worker'] },
    escalate: { to: 'accepted', actors: ['grid_worker', 'dispatcher', 'system'] },
    reassign: { to: 'accepted', actors: ['dispatcher', 'supervisor'] },
  },
  dispatched: {
    start: { to: 'in_progress', actors: ['department_staff'] },
    return: { to: 'returned', actors: ['department_staff'] },
    escalate: { to: 'dispatched', actors: ['grid_worker', 'dispatcher', 'system'] },
  },
  in_progress: {
    resolve: { to: 'resolved', actors: ['grid_worker', 'department_staff'] },
    return: { to: 'returned', actors: ['department_staff'] },
    escalate: { to: 'in_progress', actors: ['grid_worker', 'dispatcher', 'system'] },
  },
  returned: {
    dispatch: { to: 'dispatched', actors: ['grid_worker', 'dispatcher'] },
    start: { to: 'in_progress', actors: ['grid_worker'] },
    escalate: { to: 'returned', actors: ['grid_worker', 'dispatcher', 'system'] },
    reassign: { to: 'returned', actors: ['dispatcher', 'supervisor'] },
  },
  resolved: {
    rate_satisfied: { to: 'closed', actors: ['reporter'] },
    rate_unsatisfied: { to: 'reopened', actors: ['reporter'] },
    auto_close: { to: 'closed', actors: ['system'] },
  },
  reopened: {
    start: { to: 'in_progress', actors: ['supervisor', 'grid_worker'] },
    dispatch: { to: 'dispatched', actors: ['supervisor', 'grid_worker', 'dispatcher'] },
    escalate: { to: 'reopened', actors: ['grid_worker', 'dispatcher', 'system'] },
    reassign: { to: 'reopened', actors: ['dispatcher', 'supervisor'] },
  },
  closed: {},
  rejected: {},
};

const pairs = CASE_STATUSES.flatMap((from) => CASE_EVENTS.map((event) => [from, event] as const));
const allowedPairs = pairs.filter(([from, event]) => ALLOWED[from]?.[event]);
const refusedPairs = pairs.filter(([from, event]) => !ALLOWED[from]?.[event]);

describe('case state machine', () => {
  it('labels every status in Chinese', () => {
    for (const s of CASE_STATUSES) expect(CASE_STATUS_LABELS[s]).toMatch(/[\u4e00-\u9fff]/);
    expect(CASE_STATUS_LABELS.reopened).toBe('重新办理');
  });

  it.each(allowedPairs)('moves a %s case on %s to the agreed status', (from, event) => {
    expect(nextCaseStatus(from, event)).toBe(ALLOWED[from]![event]!.to);
  });

  it.each(refusedPairs)('refuses %s on a %s case for everyone', (from, event) => {
    expect(nextCaseStatus(from, event)).toBeNull();
    for (const actor of CASE_ACTORS) expect(canFire(event, from, actor)).toBe(false);
  });

  it.each(allowedPairs)('lets exactly the agreed actors fire %s → %s', (from, event) => {
    const expected = [...ALLOWED[from]![event]!.actors].sort();
    const permitted = CASE_ACTORS.filter((actor) => canFire(event, from, actor)).sort();
    expect(permitted).toEqual(expected);
  });

  it('allows rejection only before anyone has started handling the case', () => {
    const rejectable = CASE_STATUSES.filter((s) => nextCaseStatus(s, 'reject') !== null);
    expect(rejectable.sort()).toEqual(['accepted', 'submitted']);
    expect(canFire('reject', 'in_progress', 'grid_worker')).toBe(false);
    expect(canFire('reject', 'dispatched', 'dispatcher')).toBe(false);
  });

  it('lets only the reporter rate, and only a resolved case', () => {
    for (const status of CASE_STATUSES) {
      for (const actor of CASE_ACTORS) {
        const mayRate = status === 'resolved' && actor === 'reporter';
        expect(canFire('rate_satisfied', status, actor)).toBe(mayRate);
        expect(canFire('rate_unsatisfied', status, actor)).toBe(mayRate);
      }
    }
  });

  it('lets only the system auto-close, and only a resolved case', () => {
    const allowed = CASE_STATUSES.flatMap((s) => CASE_ACTORS.filter((a) => canFire('auto_close', s, a)).map((a) => `${s}:${a}`));
    expect(allowed).toEqual(['resolved:system']);
  });

  it('never lets the reporter or the system handle a case', () => {
    for (const status of CASE_STATUSES) {
      for (const event of ['accept', 'reject', 'dispatch', 'start', 'resolve', 'return', 'escalate', 'reassign'] as const) {
        expect(canFire(event, status, 'reporter')).toBe(false);
        if (event !== 'escalate') expect(canFire(event, status, 'system')).toBe(false);
      }
    }
  });

  it('lets the system blow the whistle on every case still awaiting handling, including one nobody accepted', () => {
    const escalatable = CASE_STATUSES.filter((s) => canFire('escalate', s, 'system'));
    expect(escalatable.sort()).toEqual(['accepted', 'dispatched', 'in_progress', 'reopened', 'returned', 'submitted']);
    expect(decideCaseMove('submitted', 'escalate', 'system')).toEqual({ ok: true, from: 'submitted', event: 'escalate', to: 'submitted', statusChanged: false });
    expect(canFire('escalate', 'submitted', 'grid_worker')).toBe(false);
    expect(canFire('escalate', 'resolved', 'system')).toBe(false);
  });

  describe('reopening after an unsatisfied rating', () => {
    it('reopens a case that has not been reopened yet', () => {
      expect(nextCaseStatus('resolved', 'rate_unsatisfied', { reopenCount: 0 })).toBe('reopened');
    });

    it('closes the case instead once the single reopen has been used', () => {
      expect(nextCaseStatus('resolved', 'rate_unsatisfied', { reopenCount: 1 })).toBe('closed');
      expect(nextCaseStatus('resolved', 'rate_unsatisfied', { reopenCount: 3 })).toBe('closed');
      expect(canFire('rate_unsatisfied', 'resolved', 'reporter', { reopenCount: 1 })).toBe(true);
    });

    it('walks a whole reopen cycle and ends closed on the second unsatisfied rating', () => {
      let status: CaseStatus = 'submitted';
      let reopenCount = 0;
      const steps: [CaseEvent, CaseActor][] = [
        ['accept', 'grid_worker'],
        ['dispatch', 'grid_worker'],
        ['start', 'department_staff'],
        ['resolve', 'department_staff'],
        ['rate_unsatisfied', 'reporter'],
        ['dispatch', 'supervisor'],
        ['start', 'department_staff'],
        ['resolve', 'department_staff'],
        ['rate_unsatisfied', 'reporter'],
      ];
      const visited: CaseStatus[] = [];
      for (const [event, actor] of steps) {
        const move = decideCaseMove(status, event, actor, { reopenCount });
        if (!move.ok) throw new Error(`${event} by ${actor} refused in ${status}: ${move.message}`);
        if (move.to === 'reopened') reopenCount += 1;
        status = move.to;
        visited.push(status);
      }
      expect(visited).toEqual(['accepted', 'dispatched', 'in_progress', 'resolved', 'reopened', 'dispatched', 'in_progress', 'resolved', 'closed']);
      expect(reopenCount).toBe(1);
    });
  });

  it('records a whistle (吹哨) without changing the status', () => {
    for (const status of ['accepted', 'dispatched', 'in_progress', 'returned', 'reopened'] as const) {
      const move = decideCaseMove(status, 'escalate', 'grid_worker');
      expect(move).toEqual({ ok: true, from: status, event: 'escalate', to: status, statusChanged: false });
    }
    expect(isRecordOnlyCaseEvent('escalate')).toBe(true);
    expect(isRecordOnlyCaseEvent('reassign')).toBe(true);
    expect(isRecordOnlyCaseEvent('dispatch')).toBe(false);
  });

  it('offers each actor the buttons it may press', () => {
    expect(eventsAvailable('submitted', 'grid_worker')).toEqual(['accept', 'reject']);
    expect(eventsAvailable('submitted', 'dispatcher')).toEqual(['accept', 'reject', 'dispatch', 'reassign']);
    expect(eventsAvailable('resolved', 'reporter')).toEqual(['rate_satisfied', 'rate_unsatisfied']);
    expect(eventsAvailable('resolved', 'reporter', { reopenCount: 1 })).toEqual(['rate_satisfied', 'rate_unsatisfied']);
    expect(eventsAvailable('in_progress', 'reporter')).toEqual([]);
    expect(eventsAvailable('closed', 'supervisor')).toEqual([]);
  });

  it('offers exactly the events canFire accepts, for every status and actor', () => {
    for (const status of CASE_STATUSES) {
      for (const actor of CASE_ACTORS) {
        const offered = eventsAvailable(status, actor);
        const accepted = CASE_EVENTS.filter((e) => canFire(e, status, actor));
        expect([...offered].sort()).toEqual([...accepted].sort());
      }
    }
  });

  it('treats closed and rejected cases as finished and everything else as open', () => {
    expect(CASE_STATUSES.filter(isTerminal).sort()).toEqual(['closed', 'rejected']);
    expect(CASE_STATUSES.filter(isOpen)).toHaveLength(CASE_STATUSES.length - 2);
    for (const s of CASE_STATUSES) {
      if (isTerminal(s)) expect(CASE_EVENTS.every((e) => nextCaseStatus(s, e) === null)).toBe(true);
    }
  });

  it('explains a refusal in Chinese, distinguishing the wrong status from the wrong person', () => {
    const wrongStatus = decideCaseMove('closed', 'reject', 'dispatcher');
    expect(wrongStatus).toMatchObject({ ok: false, reason: 'event_not_allowed_in_status' });
    expect(!wrongStatus.ok && wrongStatus.message).toContain('已关闭');
    const wrongPerson = decideCaseMove('resolved', 'rate_satisfied', 'grid_worker');
    expect(wrongPerson).toMatchObject({ ok: false, reason: 'actor_not_allowed' });
    expect(!wrongPerson.ok && wrongPerson.message).toContain('满意');
  });
});
