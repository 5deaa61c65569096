import type { ResidencyRelation } from '@linli/shared';

/**
 * Only owners carry an exclusive floor area (专有部分面积): it weights their vote in owners' decisions.
 * Tenants and family members vote by head, so an area from them would be meaningless or abused.
 * Returns a message for the resident, or null when the combination is acceptable.
 */
export function exclusiveAreaProblem(relation: ResidencyRelation, exclusiveArea: number | null | undefined): string | null {
  const given = exclusiveArea !== undefined && exclusiveArea !== null;
  if (relation === 'owner') {
    if (!given || !(exclusiveArea > 0)) return '业主须填写大于 0 的专有部分面积';
    return null;
  }
  return given ? '只有业主需要填写专有部分面积' : null;
}

/** Building / unit / room as typed by people vary in spacing and width ("３栋 " vs "3栋"); store one form. */
export function normaliseAddressPart(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').trim();
}
