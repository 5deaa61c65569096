import {
  validateVolunteerActivityDraft,
  type VolunteerActivityEditInput,
  type VolunteerActivityInput,
  type VolunteerActivityView,
  type VolunteerCheckMethod,
} from '@linli/shared';
import { clockMinutes, DAY_MS, shanghaiClockText, shanghaiDateValue, shanghaiLocalToIso } from '../common/shanghai-time';

/** The publish form as typed: strings from inputs and pickers, turned into the request body on submit. */
export interface VolunteerActivityFormState {
  title: string;
  themeCode: string;
  description: string;
  requirements: string;
  date: string;
  startTime: string;
  endTime: string;
  placeName: string;
  capacity: string;
  /** Filled by 使用当前位置; empty when only QR check-in is used. */
  lng: string;
  lat: string;
  radiusMeters: string;
  checkMethods: VolunteerCheckMethod[];
}

export type VolunteerActivityFormErrors = Partial<Record<keyof VolunteerActivityFormState, string>>;

export const EMPTY_VOLUNTEER_ACTIVITY_FORM: VolunteerActivityFormState = {
  title: '',
  themeCode: '',
  description: '',
  requirements: '',
  date: '',
  startTime: '09:00',
  endTime: '11:00',
  placeName: '',
  capacity: '',
  lng: '',
  lat: '',
  radiusMeters: '',
  checkMethods: ['qr'],
};

const optionalNumber = (text: string): number | null | 'invalid' => {
  const t = text.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalid';
};

/**
 * Whether the end time is on the day after the start: an end a few hours "earlier" than the start (a
 * 22:00–00:30 night patrol) can only mean past midnight. An end just before the start (10:00–09:00) is
 * far more likely a slip than a 23-hour activity, so it stays on the same day and is refused.
 */
export function endsNextDay(form: Pick<VolunteerActivityFormState, 'startTime' | 'endTime'>): boolean {
  const start = clockMinutes(form.startTime);
  const end = clockMinutes(form.endTime);
  return start !== null && end !== null && end < start && end + 24 * 60 - start <= OVERNIGHT_MAX_MINUTES;
}

/** The longest activity that may run past midnight when entered as two clock times. */
const OVERNIGHT_MAX_MINUTES = 12 * 60;

/** Field-level checks in Chinese, then the shared activity rules (time order, capacity, radius, theme). */
export function toVolunteerActivityInput(form: VolunteerActivityFormState): { input?: VolunteerActivityInput; errors: VolunteerActivityFormErrors } {
  const errors: VolunteerActivityFormErrors = {};
  const title = form.title.trim();
  if (Array.from(title).length < 2) errors.title = '请填写活动主题（至少2个字）';
  if (!form.themeCode) errors.themeCode = '请选择服务类别';
  if (!form.placeName.trim()) errors.placeName = '请填写活动地点';
  const startsAt = shanghaiLocalToIso(form.date, form.startTime);
  const endOnStartDay = shanghaiLocalToIso(form.date, form.endTime);
  const endsAt = endOnStartDay && endsNextDay(form) ? new Date(Date.parse(endOnStartDay) + DAY_MS).toISOString() : endOnStartDay;
  if (!startsAt) errors.date = '请选择活动日期和开始时间';
  else if (!endsAt) errors.endTime = '请选择结束时间';

  const capacity = optionalNumber(form.capacity);
  if (capacity === 'invalid') errors.capacity = '招募人数须为正整数';
  const radius = optionalNumber(form.radiusMeters);
  if (radius === 'invalid') errors.radiusMeters = '签到范围须为数字（米）';
  const lng = optionalNumber(form.lng);
  const lat = optionalNumber(form.lat);
  const place = typeof lng === 'number' && typeof lat === 'number' ? { lng, lat } : null;
  if (form.checkMethods.length === 0) errors.checkMethods = '请至少选择一种签到方式';
  if (form.checkMethods.includes('location') && !place) errors.lng = '按定位签到须先设置活动地点坐标';

  if (startsAt && endsAt && capacity !== 'invalid' && radius !== 'invalid' && !errors.themeCode) {
    const verdict = validateVolunteerActivityDraft({
      themeCode: form.themeCode,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      capacity,
      place,
      radiusMeters: radius,
    });
    if (!verdict.ok) {
      const field: Record<string, keyof VolunteerActivityFormState> = {
        invalid_time_range: 'endTime',
        invalid_capacity: 'capacity',
        invalid_radius: 'radiusMeters',
        invalid_location: 'lng',
        unknown_theme: 'themeCode',
      };
      errors[field[verdict.error] ?? 'title'] = verdict.message;
    }
  }
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { errors };

  return {
    errors,
    input: {
      title,
      themeCode: form.themeCode,
      description: form.description.trim() || null,
      requirements: form.requirements.trim() || null,
      startsAt,
      endsAt,
      placeName: form.placeName.trim(),
      place,
      radiusMeters: radius as number | null,
      capacity: capacity as number | null,
      checkMethods: form.checkMethods,
    },
  };
}

/** The form filled from a published activity, for the organiser's edit before it starts. */
export function volunteerActivityFormFrom(activity: VolunteerActivityView): VolunteerActivityFormState {
  return {
    title: activity.title,
    themeCode: activity.themeCode,
    description: activity.description ?? '',
    requirements: activity.requirements ?? '',
    date: shanghaiDateValue(activity.startsAt),
    startTime: shanghaiClockText(activity.startsAt),
    endTime: shanghaiClockText(activity.endsAt),
    placeName: activity.placeName,
    capacity: activity.capacity === null ? '' : String(activity.capacity),
    lng: activity.place ? String(activity.place.lng) : '',
    lat: activity.place ? String(activity.place.lat) : '',
    radiusMeters: activity.radiusMeters === null ? '' : String(activity.radiusMeters),
    checkMethods: [...activity.checkMethods],
  };
}

/** The edit request: the same checks as publishing, without what an edit cannot change (capacity, check methods). */
export function toVolunteerActivityEdit(form: VolunteerActivityFormState): { input?: VolunteerActivityEditInput; errors: VolunteerActivityFormErrors } {
  const { input, errors } = toVolunteerActivityInput(form);
  if (!input) return { errors };
  const { title, themeCode, description, requirements, startsAt, endsAt, placeName, place, radiusMeters } = input;
  return { errors, input: { title, themeCode, description, requirements, startsAt, endsAt, placeName, place, radiusMeters } };
}
