import type { MeResponse } from '@linli/shared';
import { memoryStorage } from './memory-storage';
import { SessionStore } from './session';

const person = (name: string): MeResponse => ({
  id: 1,
  name,
  phoneMasked: '138****0001',
  grants: [{ role: 'resident', scopeKind: 'community', scopeId: 4, scopeLabel: '小北社区' }],
  residencies: [],
  community: null,
});

describe('SessionStore', () => {
  it('keeps the signed-in user across a restart of the app', () => {
    const storage = memoryStorage();
    new SessionStore(storage, () => 1_000).signIn('tok-1', person('李阿姨'), 3600);
    const reopened = new SessionStore(storage, () => 2_000);
    expect(reopened.token()).toBe('tok-1');
    expect(reopened.user()?.name).toBe('李阿姨');
  });

  it('forgets a session whose token has expired', () => {
    const storage = memoryStorage();
    let now = 0;
    const store = new SessionStore(storage, () => now);
    store.signIn('tok-1', person('李阿姨'), 60);
    now = 61_000;
    expect(store.get()).toBeNull();
    expect(storage.dump()).toEqual({});
  });

  it('tells subscribers about sign-in, profile refresh and sign-out, and stops after unsubscribing', () => {
    const store = new SessionStore(memoryStorage(), () => 0);
    const seen: Array<string | null> = [];
    const unsubscribe = store.subscribe((s) => seen.push(s ? s.user.name : null));
    store.signIn('tok-1', person('李阿姨'), 60);
    store.updateUser(person('李秀英'));
    store.clear();
    unsubscribe();
    store.signIn('tok-2', person('王伯'), 60);
    expect(seen).toEqual(['李阿姨', '李秀英', null]);
  });

  it('ignores a stored value that is not a session', () => {
    const store = new SessionStore(memoryStorage({ 'linli.session': 'garbage' }));
    expect(store.get()).toBeNull();
  });
});
