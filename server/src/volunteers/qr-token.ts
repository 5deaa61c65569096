import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The organiser's rotating check-in QR code. The organiser's page shows a token that changes every period;
 * a volunteer scans it and the server checks it here. A photo of the code sent to a friend at home goes
 * stale within a minute (and activities that require location also check where the phone is).
 *
 * Format: `v1.<activityId>.<purpose>.<windowIndex>.<mac>` where windowIndex = floor(unixSeconds / periodSec)
 * and mac = base64url(HMAC-SHA256(secret, everything before it)) truncated to 128 bits — short enough for
 * a low-density QR code that scans fast on old phones, long enough that guessing is hopeless.
 */
export type QrTokenPurpose = 'check_in' | 'check_out';

export interface QrTokenPayload {
  activityId: string;
  purpose: QrTokenPurpose;
  windowIndex: number;
  /** When the token's window began. */
  issuedAt: Date;
}

export type QrTokenErrorCode = 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'wrong_activity' | 'wrong_purpose';

export const QR_TOKEN_ERROR_MESSAGES: Record<QrTokenErrorCode, string> = {
  malformed: '二维码无效，请扫描活动现场的签到码',
  bad_signature: '二维码无效，请扫描活动现场的签到码',
  expired: '二维码已过期，请重新扫描现场最新的签到码',
  not_yet_valid: '二维码暂不可用，请稍后重新扫描',
  wrong_activity: '该二维码不属于本活动',
  wrong_purpose: '请扫描对应的签到码或签退码',
};

export type QrTokenVerification =
  | { ok: true; payload: QrTokenPayload }
  | { ok: false; error: QrTokenErrorCode; message: string };

export interface QrTokenOptions {
  /** How long one token lives on the organiser's screen, in seconds. */
  periodSec?: number;
}

export interface QrTokenVerifyOptions extends QrTokenOptions {
  /** The activity the scan is for; a token of another activity is refused. */
  activityId?: string | number;
  /** The step being taken; a check-in code cannot be used to check out. */
  purpose?: QrTokenPurpose;
  /** How many previous windows still count, for a scan that straddles a rotation. */
  graceWindows?: number;
  /** Windows ahead still accepted, for clock skew between server instances. */
  futureWindows?: number;
}

export const QR_TOKEN_DEFAULT_PERIOD_SEC = 30;
const MAC_BYTES = 16;
const MIN_SECRET_BYTES = 16;
const ACTIVITY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN = /^v1\.([A-Za-z0-9_-]{1,64})\.(check_in|check_out)\.(0|[1-9][0-9]{0,15})\.([A-Za-z0-9_-]{22})$/;

const toMs = (now: Date | number) => (typeof now === 'number' ? now : now.getTime());

function assertSecret(secret: string | Buffer): void {
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    throw new Error(`QR token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
}

function periodOf(options: QrTokenOptions | undefined): number {
  const period = options?.periodSec ?? QR_TOKEN_DEFAULT_PERIOD_SEC;
  if (!Number.isInteger(period) || period <= 0) throw new Error('QR token period must be a positive whole number of seconds');
  return period;
}

function mac(secret: string | Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest().subarray(0, MAC_BYTES);
}

export function qrTokenWindowIndex(now: Date | number, options?: QrTokenOptions): number {
  return Math.floor(toMs(now) / 1000 / periodOf(options));
}

/** When the organiser's page should fetch the next token. */
export function qrTokenNextRotationAt(now: Date | number, options?: QrTokenOptions): Date {
  const period = periodOf(options);
  return new Date((qrTokenWindowIndex(now, options) + 1) * period * 1000);
}

export function issueQrToken(
  secret: string | Buffer,
  activityId: string | number,
  purpose: QrTokenPurpose,
  now: Date | number,
  options?: QrTokenOptions,
): string {
  assertSecret(secret);
  const id = String(activityId);
  if (!ACTIVITY_ID.test(id)) throw new Error('QR token activity id must be 1–64 characters of [A-Za-z0-9_-]');
  const body = `v1.${id}.${purpose}.${qrTokenWindowIndex(now, options)}`;
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

const refuse = (error: QrTokenErrorCode): QrTokenVerification => ({ ok: false, error, message: QR_TOKEN_ERROR_MESSAGES[error] });

/**
 * Check a scanned token. The signature is checked before anything the token claims is believed, so a
 * forged token learns nothing about which activities or windows exist.
 */
export function verifyQrToken(
  secret: string | Buffer,
  token: string,
  now: Date | number,
  options: QrTokenVerifyOptions = {},
): QrTokenVerification {
  assertSecret(secret);
  const period = periodOf(options);
  const match = typeof token === 'string' ? TOKEN.exec(token.trim()) : null;
  if (!match) return refuse('malformed');
  const [, activityId, purpose, windowText, macText] = match;

  const body = `v1.${activityId}.${purpose}.${windowText}`;
  // Compare the text, not decoded bytes: base64url ignores the spare low bits of the last character, so
  // decoding would accept several spellings of one MAC.
  const given = Buffer.from(macText, 'ascii');
  const expected = Buffer.from(mac(secret, body).toString('base64url'), 'ascii');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse('bad_signature');

  const windowIndex = Number(windowText);
  const current = qrTokenWindowIndex(now, options);
  const grace = options.graceWindows ?? 1;
  const ahead = options.futureWindows ?? 1;
  if (windowIndex < current - grace) return refuse('expired');
  if (windowIndex > current + ahead) return refuse('not_yet_valid');
  if (options.activityId !== undefined && String(options.activityId) !== activityId) return refuse('wrong_activity');
  if (options.purpose !== undefined && options.purpose !== purpose) return refuse('wrong_purpose');

  return {
    ok: true,
    payload: { activityId, purpose: purpose as QrTokenPurpose, windowIndex, issuedAt: new Date(windowIndex * period * 1000) },
  };
}
