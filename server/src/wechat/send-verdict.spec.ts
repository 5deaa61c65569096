import { MAX_SEND_ATTEMPTS, RETRY_BASE_MS, sendVerdict, wholeSecond } from './send-verdict';

const NOW = new Date('2024-11-20T10:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('sendVerdict', () => {
  it('counts errcode 0 as sent', () => {
    expect(sendVerdict({ errcode: 0, detail: 'ok' }, 1, NOW)).toEqual({ status: 'sent' });
  });

  it('takes 43101 as the person’s refusal and never retries it, even on the first try', () => {
    expect(sendVerdict({ errcode: 43101, detail: 'user refuse to accept the msg' }, 1, NOW)).toEqual({
      status: 'refused',
      errcode: 43101,
      detail: 'user refuse to accept the msg',
    });
  });

  it.each([
    ['no answer (timeout)', { errcode: null, detail: 'timeout' }],
    ['busy (-1)', { errcode: -1, detail: 'system error' }],
    ['rate limited (45009)', { errcode: 45009, detail: 'reach max api daily quota limit' }],
    ['a token refused after its refresh (40001)', { errcode: 40001, detail: 'invalid credential' }],
    ['no token to be had', { errcode: null, detail: 'token: 40125' }],
  ])('retries %s after one, two, then four minutes, and fails it after the last try', (_label, attempt) => {
    expect(sendVerdict(attempt, 1, NOW)).toEqual({ status: 'due', retryAt: at(RETRY_BASE_MS), errcode: attempt.errcode, detail: attempt.detail });
    expect(sendVerdict(attempt, 2, NOW)).toMatchObject({ status: 'due', retryAt: at(2 * RETRY_BASE_MS) });
    expect(sendVerdict(attempt, 3, NOW)).toMatchObject({ status: 'due', retryAt: at(4 * RETRY_BASE_MS) });
    expect(sendVerdict(attempt, MAX_SEND_ATTEMPTS, NOW)).toEqual({ status: 'failed', errcode: attempt.errcode, detail: attempt.detail });
  });

  it.each([40003, 40037, 41030, 47003])('fails errcode %i at once: sending the same again would fail the same way', (errcode) => {
    expect(sendVerdict({ errcode, detail: 'invalid' }, 1, NOW)).toEqual({ status: 'failed', errcode, detail: 'invalid' });
  });

  it('keeps the recorded reason short enough for its column', () => {
    const verdict = sendVerdict({ errcode: -1, detail: 'x'.repeat(300) }, 1, NOW);
    expect(verdict.status === 'due' && verdict.detail.length).toBe(100);
    expect(sendVerdict({ errcode: null }, 1, NOW)).toMatchObject({ detail: 'no answer' });
  });

  it('stores retry times to the whole second, never later than meant', () => {
    expect(sendVerdict({ errcode: -1 }, 1, new Date('2024-11-20T10:00:00.999Z'))).toMatchObject({ retryAt: new Date('2024-11-20T10:01:00.000Z') });
    expect(wholeSecond(new Date('2024-11-20T10:00:59.999Z'))).toEqual(new Date('2024-11-20T10:00:59.000Z'));
  });
});
