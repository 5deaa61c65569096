import { orderHandlerCandidates } from './handler-order';

const person = (userId: number, onDuty: boolean, openCases: number) => ({ userId, onDuty, openCases });

describe('order of the people a case may be reassigned to', () => {
  it('puts those on duty first, however many cases they hold', () => {
    const list = [person(1, false, 0), person(2, true, 9), person(3, false, 1)];
    expect(orderHandlerCandidates(list).map((p) => p.userId)).toEqual([2, 1, 3]);
  });

  it('puts the one with fewest open cases first among those on duty, and among those off duty', () => {
    const list = [person(1, true, 4), person(2, true, 1), person(3, false, 3), person(4, false, 0)];
    expect(orderHandlerCandidates(list).map((p) => p.userId)).toEqual([2, 1, 4, 3]);
  });

  it('breaks ties by user id, and leaves the input as it was', () => {
    const list = [person(9, true, 2), person(3, true, 2), person(5, true, 2)];
    expect(orderHandlerCandidates(list).map((p) => p.userId)).toEqual([3, 5, 9]);
    expect(list.map((p) => p.userId)).toEqual([9, 3, 5]);
  });
});
