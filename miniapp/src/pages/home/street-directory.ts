import type { CommunitySummary, StreetSummary } from '@linli/shared';

export interface StreetEntry {
  street: StreetSummary;
  communities: CommunitySummary[];
}

/** The district's streets in the server's order, each with its communities sorted by name (pinyin order). */
export function streetDirectory(streets: StreetSummary[], communities: CommunitySummary[]): StreetEntry[] {
  return streets.map((street) => ({
    street,
    communities: communities
      .filter((community) => community.streetId === street.id)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
  }));
}
