import { CASE_PAGE_SIZE_DEFAULT, CASE_STATUS_LABELS, CaseOutcome, CasePage, CaseStatus } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { ProblemCategory } from '../departments/problem-category.entity';
import { MediaFile } from '../media/media-file.entity';
import { toUploadedPhoto } from '../media/uploaded-photo';
import { Case, CasePhoto, CaseTimelineEntry } from './entities';
import { maskPublicCaseText } from './public-text';

/** Settled cases a community shows the public: resolved (awaiting the rating) and closed. */
const PUBLIC_STATUSES: CaseStatus[] = ['resolved', 'closed'];

/**
 * 办理结果公开: a community's settled cases for anyone to read — what was reported, the before and after
 * photos, what was done and how long it took. Built field by field from the case, never from the case page
 * view, so no name or phone number of reporter or handler can slip in; phone and ID numbers typed into the
 * free text are masked.
 */
@Injectable()
export class CaseOutcomes {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(communityId: number, paging: { page?: number; pageSize?: number }): Promise<CasePage<CaseOutcome>> {
    const page = paging.page ?? 1;
    const pageSize = paging.pageSize ?? CASE_PAGE_SIZE_DEFAULT;
    const m = this.dataSource.manager;
    const [rows, total] = await m.getRepository(Case).findAndCount({
      where: { communityId, status: In(PUBLIC_STATUSES), resolvedAt: Not(IsNull()) },
      order: { resolvedAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    if (rows.length === 0) return { items: [], total, page, pageSize };
    const ids = rows.map((r) => r.id);
    const categoryIds = [...new Set(rows.flatMap((r) => (r.categoryId === null ? [] : [r.categoryId])))];
    const [links, resolutions, categories] = await Promise.all([
      m.getRepository(CasePhoto).find({ where: { caseId: In(ids) }, order: { position: 'ASC' } }),
      m.getRepository(CaseTimelineEntry).find({ where: { caseId: In(ids), event: 'resolve' }, order: { seq: 'ASC' } }),
      categoryIds.length ? m.getRepository(ProblemCategory).find({ where: { id: In(categoryIds) }, select: { id: true, name: true } }) : [],
    ]);
    const media = links.length ? await m.getRepository(MediaFile).findBy({ id: In(links.map((l) => l.mediaId)) }) : [];
    const mediaById = new Map(media.map((f) => [f.id, f]));
    const categoryName = new Map(categories.map((c) => [c.id, c.name]));
    // The latest resolution note wins: a reopened case was resolved again.
    const noteOf = new Map(resolutions.map((e) => [e.caseId, e.note]));
    const photosOf = (caseId: number, kind: 'before' | 'after') =>
      links.filter((l) => l.caseId === caseId && l.kind === kind).flatMap((l) => (mediaById.has(l.mediaId) ? [toUploadedPhoto(mediaById.get(l.mediaId)!)] : []));
    const items = rows.map(
      (row): CaseOutcome => ({
        id: row.id,
        code: row.code,
        status: row.status,
        statusLabel: CASE_STATUS_LABELS[row.status],
        categoryName: row.categoryId === null ? null : (categoryName.get(row.categoryId) ?? null),
        description: maskPublicCaseText(row.description),
        address: maskPublicCaseText(row.address),
        photos: { before: photosOf(row.id, 'before'), after: photosOf(row.id, 'after') },
        resolutionNote: maskPublicCaseText(noteOf.get(row.id) ?? null),
        createdAt: new Date(row.createdAt).toISOString(),
        resolvedAt: new Date(row.resolvedAt!).toISOString(),
        ratingScore: row.rating,
      }),
    );
    return { items, total, page, pageSize };
  }
}
