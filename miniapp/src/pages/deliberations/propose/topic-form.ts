import type { DeliberationScopeKind, DeliberationTopicInput } from '@linli/shared';
import { draftPhotosProblem, uploadedPhotoIds, type DraftPhoto } from '../../../services/photo-queue';

export interface TopicFormState {
  title: string;
  body: string;
  scopeKind: DeliberationScopeKind;
  building: string;
}

export type TopicFormErrors = Partial<Record<'title' | 'body' | 'building' | 'photos', string>>;

export const EMPTY_TOPIC_FORM: TopicFormState = { title: '', body: '', scopeKind: 'community', building: '' };

export const TOPIC_TITLE_MAX = 60;
export const TOPIC_BODY_MAX = 2000;

/**
 * The form as a request body, or what to fix first; the server checks the same things again. Photos are
 * optional, but one still uploading or failed holds the form back rather than being silently left out.
 */
export function toTopicInput(form: TopicFormState, photos: DraftPhoto[] = []): { input?: DeliberationTopicInput; errors: TopicFormErrors } {
  const errors: TopicFormErrors = {};
  const title = form.title.trim();
  const body = form.body.trim();
  const building = form.building.trim();
  if (!title) errors.title = '请填写议题标题';
  else if (title.length > TOPIC_TITLE_MAX) errors.title = `标题最多 ${TOPIC_TITLE_MAX} 个字`;
  if (!body) errors.body = '请说明议题的情况和建议';
  else if (body.length > TOPIC_BODY_MAX) errors.body = `内容最多 ${TOPIC_BODY_MAX} 个字`;
  if (form.scopeKind === 'building' && !building) errors.building = '请填写楼栋，如：3栋';
  const photosProblem = draftPhotosProblem(photos, 0);
  if (photosProblem) errors.photos = photosProblem;
  if (Object.keys(errors).length) return { errors };
  const scope = form.scopeKind === 'building' ? { kind: form.scopeKind, building } : { kind: form.scopeKind };
  const photoIds = uploadedPhotoIds(photos);
  return { input: photoIds.length ? { title, body, photoIds, scope } : { title, body, scope }, errors };
}
