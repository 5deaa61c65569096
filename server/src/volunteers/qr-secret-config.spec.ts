import { loadConfig } from '../config/load-config';
import { issueQrToken, verifyQrToken } from './qr-token';

describe('the volunteer QR secret in the configuration', () => {
  it('uses VOLUNTEER_QR_SECRET when given', () => {
    expect(loadConfig({ VOLUNTEER_QR_SECRET: 'a-dedicated-qr-signing-key' }).volunteerQrSecret).toBe('a-dedicated-qr-signing-key');
  });

  it('derives a key of its own from the JWT secret otherwise, so codes signed under one JWT secret fail under another', () => {
    const a = loadConfig({ JWT_SECRET: 'first-production-jwt-secret' }).volunteerQrSecret;
    const b = loadConfig({ JWT_SECRET: 'second-production-jwt-secret' }).volunteerQrSecret;
    expect(a).not.toBe('first-production-jwt-secret');
    expect(a).not.toBe(b);
    const now = new Date('2026-05-01T01:00:00Z');
    const token = issueQrToken(a, 7, 'check_in', now);
    expect(verifyQrToken(a, token, now).ok).toBe(true);
    expect(verifyQrToken(b, token, now)).toMatchObject({ ok: false, error: 'bad_signature' });
  });

  it('refuses a QR secret shorter than 16 characters, naming the variable', () => {
    expect(() => loadConfig({ VOLUNTEER_QR_SECRET: 'short' })).toThrow(/VOLUNTEER_QR_SECRET/);
  });
});
