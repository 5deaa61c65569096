import { grantHolderAuthorizer, ownInboxAuthorizer, RoomAuthorizerRegistry } from './room-authorizer.registry';

const resident = { id: 5, grants: [{ role: 'resident' as const, scopeKind: 'community' as const, scopeId: 2 }] };
const staff = { id: 8, grants: [{ role: 'department_staff' as const, scopeKind: 'department' as const, scopeId: 3 }] };

describe('RoomAuthorizerRegistry', () => {
  it('refuses a room kind nobody registered', async () => {
    const registry = new RoomAuthorizerRegistry();
    expect(await registry.authorize(resident, { kind: 'case', id: '1' })).toBe(false);
  });

  it('asks the registered authoriser of the kind', async () => {
    const registry = new RoomAuthorizerRegistry();
    registry.register('case', (user, room) => user?.id === 5 && room.id === '1');
    expect(await registry.authorize(resident, { kind: 'case', id: '1' })).toBe(true);
    expect(await registry.authorize(resident, { kind: 'case', id: '2' })).toBe(false);
    expect(await registry.authorize(staff, { kind: 'case', id: '1' })).toBe(false);
  });

  it('keeps anonymous sockets out of private kinds without asking, and lets public kinds decide', async () => {
    const registry = new RoomAuthorizerRegistry();
    const asked: string[] = [];
    registry.register('case', (_user, room) => {
      asked.push(room.kind);
      return true;
    });
    registry.register('poll', (user) => user === null || user.id > 0, { public: true });
    expect(await registry.authorize(null, { kind: 'case', id: '1' })).toBe(false);
    expect(asked).toEqual([]);
    expect(await registry.authorize(null, { kind: 'poll', id: '1' })).toBe(true);
  });

  it('treats an authoriser that throws as a refusal', async () => {
    const registry = new RoomAuthorizerRegistry();
    registry.register('case', async () => {
      throw new Error('database unreachable');
    });
    expect(await registry.authorize(resident, { kind: 'case', id: '1' })).toBe(false);
  });

  it('will not let two features claim the same kind', () => {
    const registry = new RoomAuthorizerRegistry();
    registry.register('poll', () => true);
    expect(() => registry.register('poll', () => true)).toThrow(/already registered/);
  });
});

describe('built-in authorisers', () => {
  it('lets only the owner into a personal inbox', () => {
    expect(ownInboxAuthorizer(resident, { kind: 'inbox:user', id: '5' })).toBe(true);
    expect(ownInboxAuthorizer(resident, { kind: 'inbox:user', id: '8' })).toBe(false);
    expect(ownInboxAuthorizer(null, { kind: 'inbox:user', id: '5' })).toBe(false);
  });

  it('lets holders of the role scoped to exactly that unit in', () => {
    const departmentInbox = grantHolderAuthorizer(['department_staff'], 'department');
    expect(departmentInbox(staff, { kind: 'inbox:department', id: '3' })).toBe(true);
    expect(departmentInbox(staff, { kind: 'inbox:department', id: '4' })).toBe(false);
    expect(departmentInbox(resident, { kind: 'inbox:department', id: '2' })).toBe(false);
  });
});
