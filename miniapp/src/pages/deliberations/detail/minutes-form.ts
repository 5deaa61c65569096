import type { DeliberationMinutesInput } from '@linli/shared';
import { draftPhotosProblem, uploadedPhotoIds, type DraftPhoto } from '../../../services/photo-queue';

/**
 * The committee's minutes of an offline meeting as a request body, or what to fix first. Photos (scans of
 * the signed minutes, the meeting itself) are optional; one still uploading or failed holds the form back.
 */
export function toMinutesInput(
  title: string,
  summary: string,
  photos: DraftPhoto[],
  heldAt: Date,
): { input?: DeliberationMinutesInput; error?: string } {
  const cleanTitle = title.trim();
  const cleanSummary = summary.trim();
  if (!cleanTitle || !cleanSummary) return { error: '请填写会议名称和纪要内容' };
  const photosProblem = draftPhotosProblem(photos, 0);
  if (photosProblem) return { error: photosProblem };
  const photoIds = uploadedPhotoIds(photos);
  const input: DeliberationMinutesInput = { title: cleanTitle, summary: cleanSummary, heldAt: heldAt.toISOString() };
  return { input: photoIds.length ? { ...input, photoIds } : input };
}
