import { CASE_ADDRESS_MAX, CASE_DESCRIPTION_MAX, isValidLngLat, type SubmitReportRequest } from '@linli/shared';
import { draftPhotosProblem, uploadedPhotoIds, type DraftPhoto } from '../../services/photo-queue';

export type ReportLocationSource = 'gps' | 'chosen' | 'map';

export interface ReportLocation {
  lng: number;
  lat: number;
  address: string;
  source: ReportLocationSource;
}

export interface ReportDraft {
  clientKey: string;
  photos: DraftPhoto[];
  location: ReportLocation | null;
  description: string;
  categoryId: number | null;
}

export type ReportDraftErrors = Partial<Record<'photos' | 'location' | 'description', string>>;

/** Checks the draft the way the server will, and builds the request body when it passes. */
export function toSubmitReport(draft: ReportDraft): { request: SubmitReportRequest | null; errors: ReportDraftErrors } {
  const errors: ReportDraftErrors = {};
  const photoProblem = draftPhotosProblem(draft.photos);
  if (photoProblem) errors.photos = photoProblem;
  if (!draft.location || !isValidLngLat(draft.location)) errors.location = '请选择问题所在的位置';
  const description = draft.description.trim();
  if (!description) errors.description = '请简单描述一下问题';
  else if (description.length > CASE_DESCRIPTION_MAX) errors.description = `描述不能超过 ${CASE_DESCRIPTION_MAX} 字`;
  if (Object.keys(errors).length || !draft.location) return { request: null, errors };

  const address = draft.location.address.trim().slice(0, CASE_ADDRESS_MAX);
  const request: SubmitReportRequest = {
    clientKey: draft.clientKey,
    photoIds: uploadedPhotoIds(draft.photos),
    lng: draft.location.lng,
    lat: draft.location.lat,
    description,
  };
  if (address) request.address = address;
  if (draft.categoryId !== null) request.categoryId = draft.categoryId;
  return { request, errors };
}
