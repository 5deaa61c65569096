import { randomBytes } from 'node:crypto';

/** 16 random bytes as base64url: 22 characters, 128 bits — a photo URL cannot be guessed or enumerated. */
export function newMediaId(): string {
  return randomBytes(16).toString('base64url');
}

const MEDIA_ID = /^[A-Za-z0-9_-]{22}$/;

export function isMediaId(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_ID.test(value);
}
