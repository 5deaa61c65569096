/**
 * Who counts as one owner (业主人数) for Art. 278, per the Supreme People's Court interpretation on
 * building division ownership (《最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释》 Art. 9):
 * one exclusive unit counts as one owner, except that
 *  - one buyer holding several units counts as one owner, and
 *  - all units the developer has not sold, or sold but not delivered, together count as one owner.
 * Area is never merged: every unit's exclusive area counts in full.
 */
export interface OwnerUnit {
  unitId: string;
  /** The registered owner; units with the same key belong to one buyer. */
  ownerKey: string;
  /** Exclusive floor area in hundredths of m² (see area.ts). */
  exclusiveArea: number;
  /** Still the developer's for voting purposes: unsold, or sold but not yet delivered. */
  developerUnsold?: boolean;
}

/**
 * The developer's unsold units form their own headcount owner, whatever ownerKey the roll gives them
 * (a roll may list them under a placeholder or under the eventual buyer). The prefixes keep this key
 * from ever equalling a buyer's.
 */
const DEVELOPER_OWNER = 'developer:';

export function headcountOwnerOf(unit: OwnerUnit): string {
  return unit.developerUnsold ? DEVELOPER_OWNER : `owner:${unit.ownerKey}`;
}
