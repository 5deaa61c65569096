import type { CommunitySummary, StreetSummary } from '@linli/shared';
import { streetDirectory } from './street-directory';

const street = (id: number, name: string): StreetSummary => ({ id, name, code: `S${id}` });
const community = (id: number, streetId: number, name: string): CommunitySummary => ({ id, name, code: `C${id}`, streetId, streetName: '' });

describe('streetDirectory', () => {
  it('files each community under its own street and keeps streets without communities', () => {
    const entries = streetDirectory(
      [street(1, '洪桥街道'), street(2, '北京街道'), street(3, '六榕街道')],
      [community(10, 2, '府前社区'), community(11, 1, '小北社区'), community(12, 2, '大塘社区')],
    );
    expect(entries.map((e) => [e.street.name, e.communities.map((c) => c.id).sort()])).toEqual([
      ['洪桥街道', [11]],
      ['北京街道', [10, 12]],
      ['六榕街道', []],
    ]);
  });

  it('does not reorder the streets the server sent', () => {
    const entries = streetDirectory([street(2, '北京街道'), street(1, '洪桥街道')], []);
    expect(entries.map((e) => e.street.id)).toEqual([2, 1]);
  });
});
