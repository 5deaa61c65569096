import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskStorage } from './local-disk-storage';
import { UnsafeStorageKeyError } from './storage-key';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'linli-media-'));
    storage = new LocalDiskStorage(join(root, 'media'));
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores bytes under a nested key and reads them back with their length', async () => {
    const data = Buffer.from('photo bytes');
    await storage.put('photos/2024/11/abc.jpg', data, 'image/jpeg');
    const object = await storage.get('photos/2024/11/abc.jpg');
    expect(object?.bytes).toBe(data.length);
    expect(await readAll(object!.body)).toEqual(data);
    expect(await storage.exists('photos/2024/11/abc.jpg')).toBe(true);
  });

  it('replaces an object atomically and leaves no temporary files behind', async () => {
    await storage.put('a/b.jpg', Buffer.from('first'), 'image/jpeg');
    await storage.put('a/b.jpg', Buffer.from('second'), 'image/jpeg');
    expect(await readFile(join(root, 'media', 'a', 'b.jpg'), 'utf8')).toBe('second');
    expect(await readdir(join(root, 'media', 'a'))).toEqual(['b.jpg']);
  });

  it('reports missing objects as absent rather than failing', async () => {
    expect(await storage.get('photos/none.jpg')).toBeNull();
    expect(await storage.exists('photos/none.jpg')).toBe(false);
    await expect(storage.delete('photos/none.jpg')).resolves.toBeUndefined();
  });

  it('accepts keys made of base64url ids, which may start with - or _', async () => {
    await storage.put('photos/_abc-def.jpg', Buffer.from('a'), 'image/jpeg');
    await storage.put('photos/-abc_def.jpg', Buffer.from('b'), 'image/jpeg');
    expect(await storage.exists('photos/_abc-def.jpg')).toBe(true);
    expect(await storage.exists('photos/-abc_def.jpg')).toBe(true);
  });

  it('deletes an object', async () => {
    await storage.put('x.jpg', Buffer.from('x'), 'image/jpeg');
    await storage.delete('x.jpg');
    expect(await storage.exists('x.jpg')).toBe(false);
  });

  it.each(['../outside.jpg', 'photos/../../outside.jpg', '/etc/passwd', 'photos//x.jpg', 'photos\\..\\x.jpg', '.hidden', ''])(
    'refuses the key %p that could escape the media directory',
    async (key) => {
      await writeFile(join(root, 'outside.jpg'), 'secret');
      await expect(storage.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toBeInstanceOf(UnsafeStorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(UnsafeStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(UnsafeStorageKeyError);
      expect(await readFile(join(root, 'outside.jpg'), 'utf8')).toBe('secret');
    },
  );
});
