import type { GridDetail } from '@linli/shared';
import { gridContaining, gridMapFrame, gridMapLabel, gridMapSvg, projectToMap, tapToLngLat, unprojectFromMap } from './grid-map';

function square(id: number, name: string, lng: number, lat: number, size: number, hole?: number[][]): GridDetail {
  const outer = [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ];
  return { id, name, code: `g${id}`, communityId: 1, polygon: { type: 'Polygon', coordinates: hole ? [outer, hole] : [outer] } };
}

const west = square(1, '第一网格', 113.27, 23.13, 0.002);
const east = square(2, '第二网格', 113.272, 23.13, 0.002);

describe('grid map picker geometry', () => {
  it('fits all grids with a margin and keeps the true east–west / north–south proportions', () => {
    const frame = gridMapFrame([west, east], 600)!;
    expect(frame.minLng).toBeLessThan(113.27);
    expect(frame.maxLng).toBeGreaterThan(113.274);
    const shrink = Math.cos((23.131 * Math.PI) / 180);
    expect(frame.height / frame.width).toBeCloseTo((frame.maxLat - frame.minLat) / ((frame.maxLng - frame.minLng) * shrink), 3);
  });

  it('turns a tap back into the point that was drawn there', () => {
    const frame = gridMapFrame([west, east], 600)!;
    const point = { lng: 113.2712, lat: 23.1311 };
    const xy = projectToMap(frame, point);
    const back = unprojectFromMap(frame, xy);
    expect(back.lng).toBeCloseTo(point.lng, 9);
    expect(back.lat).toBeCloseTo(point.lat, 9);

    // The same drawing shown at 300 px wide, 20 px from the left and 100 px from the top of the screen.
    const box = { left: 20, top: 100, width: 300, height: (300 * frame.height) / frame.width };
    const tapped = tapToLngLat(frame, box, 20 + xy.x / 2, 100 + xy.y / 2)!;
    expect(tapped.lng).toBeCloseTo(point.lng, 7);
    expect(tapped.lat).toBeCloseTo(point.lat, 7);
    expect(tapToLngLat(frame, box, 10, 100)).toBeNull();
  });

  it('finds the grid that contains a point, and none inside a hole or outside every grid', () => {
    const holed = square(3, '第三网格', 113.28, 23.13, 0.002, [
      [113.2805, 23.1305],
      [113.2815, 23.1305],
      [113.2815, 23.1315],
      [113.2805, 23.1315],
      [113.2805, 23.1305],
    ]);
    expect(gridContaining([west, east, holed], { lng: 113.2731, lat: 23.131 })?.id).toBe(2);
    expect(gridContaining([west, east, holed], { lng: 113.2801, lat: 23.1301 })?.id).toBe(3);
    expect(gridContaining([west, east, holed], { lng: 113.281, lat: 23.131 })).toBeNull();
    expect(gridContaining([west, east], { lng: 113.3, lat: 23.131 })).toBeNull();
  });

  it('draws each grid with its name and marks the chosen one', () => {
    const frame = gridMapFrame([west, east], 600)!;
    const svg = gridMapSvg([west, { ...east, name: '<东>' }], frame, 1);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('第一网格');
    expect(svg).toContain('&lt;东&gt;');
    expect(svg.indexOf('#b3261e')).toBeLessThan(svg.indexOf('第一网格'));
  });

  it('labels a grid by its own part of the name, since the map is already the community', () => {
    expect(gridMapLabel('西湖社区第5网格')).toBe('第5网格');
    expect(gridMapLabel('第一网格')).toBe('第一网格');
    expect(gridMapLabel('社区')).toBe('社区');
  });

  it('scales labels up for a drawing shown narrower than its view width', () => {
    const frame = gridMapFrame([west], 600)!;
    expect(gridMapSvg([west], frame, null, 60)).toContain('font-size="60.0"');
  });

  it('has no frame for a community without drawn grids', () => {
    expect(gridMapFrame([], 600)).toBeNull();
  });
});
