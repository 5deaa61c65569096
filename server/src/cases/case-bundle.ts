import { EntityManager, In } from 'typeorm';
import { Department } from '../departments/department.entity';
import { Community } from '../grids/community.entity';
import { Street } from '../grids/street.entity';
import { ProblemCategory } from '../departments/problem-category.entity';
import { MediaFile } from '../media/media-file.entity';
import { User } from '../users/user.entity';
import { CaseParties } from './case-actors';
import { CaseDepartment, CaseFollower, CasePhoto, CaseTimelineEntry, Case } from './entities';

/** A case with everything its page shows, read in a handful of indexed queries. */
export interface CaseBundle {
  row: Case;
  category: ProblemCategory | null;
  photos: { before: MediaFile[]; after: MediaFile[] };
  timeline: CaseTimelineEntry[];
  followerIds: number[];
  departments: { department: Department; role: 'lead' | 'co' }[];
  handler: User | null;
  reporter: User | null;
}

export function partiesOf(row: Case, followerIds: readonly number[], departments: readonly Pick<CaseDepartment, 'departmentId' | 'role'>[]): CaseParties {
  return {
    reporterId: row.reporterId,
    handlerUserId: row.handlerUserId,
    districtId: row.districtId,
    streetId: row.streetId,
    communityId: row.communityId,
    gridId: row.gridId,
    followerIds,
    leadDepartmentId: row.leadDepartmentId,
    coDepartmentIds: departments.filter((d) => d.role === 'co').map((d) => d.departmentId),
  };
}

/** Who plays a part in the case: enough to decide visibility and actors without the rest of the bundle. */
export async function loadCaseParties(manager: EntityManager, row: Case): Promise<{ parties: CaseParties; departments: CaseDepartment[]; followerIds: number[] }> {
  const [followers, departments] = await Promise.all([
    manager.getRepository(CaseFollower).find({ where: { caseId: row.id }, select: { userId: true } }),
    manager.getRepository(CaseDepartment).find({ where: { caseId: row.id } }),
  ]);
  const followerIds = followers.map((f) => f.userId);
  return { parties: partiesOf(row, followerIds, departments), departments, followerIds };
}

export async function loadCaseBundle(manager: EntityManager, row: Case): Promise<CaseBundle> {
  const [photoLinks, timeline, followers, links, category, handler, reporter] = await Promise.all([
    manager.getRepository(CasePhoto).find({ where: { caseId: row.id }, order: { kind: 'ASC', position: 'ASC' } }),
    manager.getRepository(CaseTimelineEntry).find({ where: { caseId: row.id }, order: { seq: 'ASC' } }),
    manager.getRepository(CaseFollower).find({ where: { caseId: row.id }, select: { userId: true } }),
    manager.getRepository(CaseDepartment).find({ where: { caseId: row.id } }),
    row.categoryId === null ? null : manager.getRepository(ProblemCategory).findOneBy({ id: row.categoryId }),
    row.handlerUserId === null ? null : manager.getRepository(User).findOneBy({ id: row.handlerUserId }),
    manager.getRepository(User).findOneBy({ id: row.reporterId }),
  ]);
  const media = photoLinks.length ? await manager.getRepository(MediaFile).findBy({ id: In(photoLinks.map((p) => p.mediaId)) }) : [];
  const mediaById = new Map(media.map((m) => [m.id, m]));
  const photosOf = (kind: 'before' | 'after') =>
    photoLinks.filter((p) => p.kind === kind).flatMap((p) => (mediaById.has(p.mediaId) ? [mediaById.get(p.mediaId)!] : []));
  const departmentRows = links.length ? await manager.getRepository(Department).findBy({ id: In(links.map((l) => l.departmentId)) }) : [];
  const departmentById = new Map(departmentRows.map((d) => [d.id, d]));
  const departments = links
    .filter((l) => departmentById.has(l.departmentId))
    .map((l) => ({ department: departmentById.get(l.departmentId)!, role: l.role }))
    .sort((a, b) => (a.role === b.role ? a.department.id - b.department.id : a.role === 'lead' ? -1 : 1));
  return {
    row,
    category,
    photos: { before: photosOf('before'), after: photosOf('after') },
    timeline,
    followerIds: followers.map((f) => f.userId),
    departments,
    handler,
    reporter,
  };
}

/** Roughly where a case is, as the public view names it. */
export interface CasePlaceNames {
  communityName: string | null;
  streetName: string | null;
}

export async function loadCasePlaceNames(manager: EntityManager, row: Pick<Case, 'communityId' | 'streetId'>): Promise<CasePlaceNames> {
  const [community, street] = await Promise.all([
    row.communityId === null ? null : manager.getRepository(Community).findOne({ where: { id: row.communityId }, select: { id: true, name: true } }),
    row.streetId === null ? null : manager.getRepository(Street).findOne({ where: { id: row.streetId }, select: { id: true, name: true } }),
  ]);
  return { communityName: community?.name ?? null, streetName: street?.name ?? null };
}
