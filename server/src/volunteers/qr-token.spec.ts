import { issueQrToken, qrTokenNextRotationAt, verifyQrToken } from './qr-token';

const secret = 'a-test-secret-of-enough-length-42';
const now = new Date('2025-06-07T09:15:10+08:00');
const secondsLater = (s: number) => new Date(now.getTime() + s * 1000);

/** Replace one dot-separated field of a token, keeping its MAC. */
const withField = (token: string, index: number, value: string) => {
  const parts = token.split('.');
  parts[index] = value;
  return parts.join('.');
};

describe('issueQrToken', () => {
  it('produces the compact v1 format with a 128-bit base64url MAC', () => {
    const token = issueQrToken(secret, 42, 'check_in', now);
    const windowIndex = Math.floor(now.getTime() / 1000 / 30);
    expect(token).toMatch(new RegExp(`^v1\\.42\\.check_in\\.${windowIndex}\\.[A-Za-z0-9_-]{22}$`));
  });

  it('rotates when the period rolls over and stays the same within one period', () => {
    const a = issueQrToken(secret, 42, 'check_in', new Date(Math.floor(now.getTime() / 30_000) * 30_000));
    const b = issueQrToken(secret, 42, 'check_in', new Date(Math.floor(now.getTime() / 30_000) * 30_000 + 29_999));
    const c = issueQrToken(secret, 42, 'check_in', new Date(Math.floor(now.getTime() / 30_000) * 30_000 + 30_000));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('refuses a secret too short to be safe and an activity id that would break the format', () => {
    expect(() => issueQrToken('short', 42, 'check_in', now)).toThrow(/secret/);
    expect(() => issueQrToken(secret, '4.2', 'check_in', now)).toThrow(/activity id/);
  });

  it('tells the organiser page when to fetch the next code', () => {
    const next = qrTokenNextRotationAt(now);
    expect(next.getTime() % 30_000).toBe(0);
    expect(next.getTime() - now.getTime()).toBeGreaterThan(0);
    expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(30_000);
  });
});

describe('verifyQrToken', () => {
  it('accepts a token of the current window and returns what it says', () => {
    const token = issueQrToken(secret, 42, 'check_out', now);
    const r = verifyQrToken(secret, token, now, { activityId: 42, purpose: 'check_out' });
    expect(r).toMatchObject({ ok: true, payload: { activityId: '42', purpose: 'check_out' } });
    if (r.ok) {
      expect(r.payload.issuedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - r.payload.issuedAt.getTime()).toBeLessThan(30_000);
    }
  });

  it('still accepts the previous window, for a scan that straddles a rotation', () => {
    const token = issueQrToken(secret, 42, 'check_in', now);
    expect(verifyQrToken(secret, token, secondsLater(30), { activityId: 42 })).toMatchObject({ ok: true });
  });

  it('refuses a token two windows old, and yesterday’s token', () => {
    const token = issueQrToken(secret, 42, 'check_in', now);
    expect(verifyQrToken(secret, token, secondsLater(60))).toMatchObject({ ok: false, error: 'expired' });
    const yesterday = issueQrToken(secret, 42, 'check_in', secondsLater(-86_400));
    expect(verifyQrToken(secret, yesterday, now)).toMatchObject({ ok: false, error: 'expired', message: '二维码已过期，请重新扫描现场最新的签到码' });
  });

  it('honours a wider grace when configured', () => {
    const token = issueQrToken(secret, 42, 'check_in', now);
    expect(verifyQrToken(secret, token, secondsLater(60), { graceWindows: 2 })).toMatchObject({ ok: true });
  });

  it('refuses a token from far in the future', () => {
    const token = issueQrToken(secret, 42, 'check_in', secondsLater(3600));
    expect(verifyQrToken(secret, token, now)).toMatchObject({ ok: false, error: 'not_yet_valid' });
  });

  it('refuses a token signed with another secret', () => {
    const forged = issueQrToken('someone-elses-secret-0123456789', 42, 'check_in', now);
    expect(verifyQrToken(secret, forged, now)).toMatchObject({ ok: false, error: 'bad_signature' });
  });

  it('refuses a token whose activity, purpose, window or MAC was altered', () => {
    const token = issueQrToken(secret, 42, 'check_in', now);
    const windowIndex = token.split('.')[3];
    expect(verifyQrToken(secret, withField(token, 1, '43'), now)).toMatchObject({ error: 'bad_signature' });
    expect(verifyQrToken(secret, withField(token, 2, 'check_out'), now)).toMatchObject({ error: 'bad_signature' });
    expect(verifyQrToken(secret, withField(token, 3, String(Number(windowIndex) + 1)), now)).toMatchObject({ error: 'bad_signature' });
    const macText = token.split('.')[4];
    const flipped = macText.slice(0, -1) + (macText.endsWith('A') ? 'B' : 'A');
    expect(verifyQrToken(secret, withField(token, 4, flipped), now)).toMatchObject({ error: 'bad_signature' });
  });

  it('refuses a genuine token of another activity or for the other step', () => {
    const token = issueQrToken(secret, 42, 'check_in', now);
    expect(verifyQrToken(secret, token, now, { activityId: 7 })).toMatchObject({ ok: false, error: 'wrong_activity', message: '该二维码不属于本活动' });
    expect(verifyQrToken(secret, token, now, { purpose: 'check_out' })).toMatchObject({ ok: false, error: 'wrong_purpose' });
  });

  it('calls anything that is not a token malformed', () => {
    for (const junk of ['', 'hello', 'v2.42.check_in.1.AAAAAAAAAAAAAAAAAAAAAA', 'v1.42.check_in.-1.AAAAAAAAAAAAAAAAAAAAAA', 'v1.42.sign_in.1.AAAAAAAAAAAAAAAAAAAAAA', 'v1.42.check_in.1.short']) {
      expect(verifyQrToken(secret, junk, now)).toMatchObject({ ok: false, error: 'malformed' });
    }
    expect(verifyQrToken(secret, undefined as unknown as string, now)).toMatchObject({ error: 'malformed' });
  });
});
