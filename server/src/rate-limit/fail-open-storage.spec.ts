import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { FailOpenStorage } from './fail-open-storage';

const COUNTED: ThrottlerStorageRecord = { totalHits: 3, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 };

/** A counter store that answers, fails or never answers, as told, and counts how often it was asked. */
function store(behaviour: { mode: 'answer' | 'fail' | 'silent' }) {
  let asked = 0;
  const inner: ThrottlerStorage = {
    increment: () => {
      asked++;
      if (behaviour.mode === 'answer') return Promise.resolve(COUNTED);
      if (behaviour.mode === 'fail') return Promise.reject(new Error('connection refused'));
      return new Promise<ThrottlerStorageRecord>(() => undefined);
    },
  };
  return { inner, asked: () => asked };
}

describe('FailOpenStorage', () => {
  it('passes the store’s count through while it answers', async () => {
    const s = store({ mode: 'answer' });
    await expect(new FailOpenStorage(s.inner, 50).increment('k', 60_000, 5, 0, 'user')).resolves.toEqual(COUNTED);
  });

  it('lets a request through uncounted when the store does not answer in time, then stops asking it for a pause', async () => {
    let clock = 1_000;
    const behaviour = { mode: 'silent' as 'answer' | 'fail' | 'silent' };
    const s = store(behaviour);
    const storage = new FailOpenStorage(s.inner, 20, 2_000, () => clock);
    await expect(storage.increment('k', 60_000, 5, 0, 'user')).resolves.toMatchObject({ totalHits: 0, isBlocked: false });
    expect(s.asked()).toBe(1);
    // During the pause: answered at once, the store not asked.
    behaviour.mode = 'answer';
    clock += 1_999;
    await expect(storage.increment('k', 60_000, 5, 0, 'ip')).resolves.toMatchObject({ totalHits: 0 });
    expect(s.asked()).toBe(1);
    // After it: asked again, and its count counts.
    clock += 2;
    await expect(storage.increment('k', 60_000, 5, 0, 'user')).resolves.toEqual(COUNTED);
    expect(s.asked()).toBe(2);
  });

  it('treats a failing store like a silent one', async () => {
    let clock = 0;
    const s = store({ mode: 'fail' });
    const storage = new FailOpenStorage(s.inner, 20, 500, () => clock);
    await expect(storage.increment('k', 60_000, 5, 0, 'user')).resolves.toMatchObject({ totalHits: 0 });
    await storage.increment('k', 60_000, 5, 0, 'user');
    expect(s.asked()).toBe(1);
    clock = 501;
    await storage.increment('k', 60_000, 5, 0, 'user');
    expect(s.asked()).toBe(2);
  });
});
