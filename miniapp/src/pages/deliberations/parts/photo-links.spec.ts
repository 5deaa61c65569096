import { deliberationPhotoLinks } from './photo-links';

describe('deliberation photo links', () => {
  it('points each photo id at its full photo and its thumbnail, in the given order', () => {
    const links = deliberationPhotoLinks(['b2', 'a1']);
    expect(links.map((link) => link.id)).toEqual(['b2', 'a1']);
    expect(links[0]).toEqual({ id: 'b2', url: '/api/media/b2', thumbUrl: '/api/media/b2/thumb' });
    expect(links[1].thumbUrl).toBe('/api/media/a1/thumb');
  });

  it('keeps an id with URL-special characters inside one path segment', () => {
    expect(deliberationPhotoLinks(['x/y?z'])[0].url).toBe('/api/media/x%2Fy%3Fz');
  });

  it('has nothing to show for a topic without photos', () => {
    expect(deliberationPhotoLinks([])).toEqual([]);
  });
});
