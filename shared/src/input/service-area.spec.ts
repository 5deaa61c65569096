import { boxAround, withinServiceArea } from './service-area';

const yuexiu = { minLng: 113.24, minLat: 23.11, maxLng: 113.31, maxLat: 23.15 };

describe('boxAround', () => {
  it('spans every box, and is null for none', () => {
    expect(boxAround([yuexiu, { minLng: 113.6, minLat: 23.4, maxLng: 113.61, maxLat: 23.41 }])).toEqual({ minLng: 113.24, minLat: 23.11, maxLng: 113.61, maxLat: 23.41 });
    expect(boxAround([])).toBeNull();
  });
});

describe('withinServiceArea', () => {
  it('holds points in the box and within the margin of it', () => {
    expect(withinServiceArea(yuexiu, { lng: 113.27, lat: 23.13 }, 3000)).toBe(true);
    // ~2 km north and ~2 km east of the box
    expect(withinServiceArea(yuexiu, { lng: 113.31 + 2000 / (111_320 * Math.cos((23.11 * Math.PI) / 180)), lat: 23.15 + 2000 / 111_320 }, 3000)).toBe(true);
  });

  it('refuses points beyond the margin: (0,0), lng −1, another city', () => {
    for (const point of [{ lng: 0, lat: 0 }, { lng: -1, lat: 23.13 }, { lng: 116.4, lat: 39.9 }, { lng: 113.27, lat: 23.15 + 4000 / 111_320 }]) {
      expect(withinServiceArea(yuexiu, point, 3000)).toBe(false);
    }
  });
});
