import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import {
  VOLUNTEER_SERVICE_RECORD_STATUS_LABELS,
  VOLUNTEER_SIGNUP_STATUS_LABELS,
  volunteerHoursFromMinutes,
  type VolunteerActivityView,
  type VolunteerAttendanceView,
  type VolunteerSignupView,
} from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../services';
import { volunteersApi } from '../../../services/volunteers-api';
import { volunteerActivityActions, volunteerCapacityText } from '../common/activity-state';
import { shanghaiClockText, shanghaiRangeText } from '../common/shanghai-time';
import { toVolunteerCorrection, volunteerCorrectionStart, type VolunteerCorrectionFormState } from './correction-form';
import { parseVolunteerCapacity, volunteerSignupsWithoutAttendance } from './roster';
import '../common/volunteer.css';

const RECORD_TAG = { pending: 'vol-tag vol-tag--warn', certified: 'vol-tag vol-tag--ok', rejected: 'vol-tag vol-tag--off' } as const;

/** One volunteer's times, with the organiser's correction form (times and a reason, kept in the audit log). */
function AttendanceRow({ activity, attendance, onSaved }: { activity: VolunteerActivityView; attendance: VolunteerAttendanceView; onSaved: () => void }) {
  const [form, setForm] = useState<VolunteerCorrectionFormState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const record = attendance.serviceRecord;

  async function save() {
    if (!form) return;
    const result = toVolunteerCorrection(activity, form);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    try {
      await volunteersApi.correct(attendance.id, result.input);
      Taro.showToast({ title: `已修改为 ${volunteerHoursFromMinutes(result.minutes)} 小时`, icon: 'none' });
      setForm(null);
      setError(null);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function review(decision: 'certify' | 'reject') {
    if (!record) return;
    try {
      await volunteersApi.reviewRecord(record.id, decision === 'reject' ? { decision, reason: '经核实未参加服务' } : { decision });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <View id={`volunteer-attendance-${attendance.id}`} className='card volunteer-attendance-item'>
      <View className='row'>
        <Text className='card__title'>{attendance.name}</Text>
        {record && <Text className={RECORD_TAG[record.status]}>{VOLUNTEER_SERVICE_RECORD_STATUS_LABELS[record.status]}</Text>}
      </View>
      <Text className='vol-meta'>
        签到 {attendance.checkInAt ? shanghaiClockText(attendance.checkInAt) : '—'} · 签退 {attendance.checkOutAt ? shanghaiClockText(attendance.checkOutAt) : '—'} · {attendance.hours} 小时
      </Text>
      {attendance.corrections.map((c, i) => (
        <Text key={i} className='vol-meta'>
          {c.correctedByName} 修改：{c.reason}
        </Text>
      ))}
      {form ? (
        <View>
          <View className='btn-pair'>
            <Input id={`volunteer-correct-in-${attendance.id}`} className='field__input' value={form.checkIn} placeholder='签到 09:00' onInput={(e) => setForm({ ...form, checkIn: e.detail.value })} />
            <Input id={`volunteer-correct-out-${attendance.id}`} className='field__input' value={form.checkOut} placeholder='签退 11:00' onInput={(e) => setForm({ ...form, checkOut: e.detail.value })} />
          </View>
          <Input id={`volunteer-correct-reason-${attendance.id}`} className='field__input' value={form.reason} placeholder='修改原因（必填）' onInput={(e) => setForm({ ...form, reason: e.detail.value })} />
          <View id={`volunteer-correct-save-${attendance.id}`} className='btn btn--small' onClick={save}>
            保存修改
          </View>
        </View>
      ) : (
        <View className='btn-pair'>
          {record?.status !== 'certified' && (
            <View id={`volunteer-correct-${attendance.id}`} className='btn btn--ghost btn--small' onClick={() => setForm(volunteerCorrectionStart(activity, attendance))}>
              修改时间
            </View>
          )}
          {record?.status === 'pending' && (
            <View id={`volunteer-certify-${attendance.id}`} className='btn btn--small' onClick={() => review('certify')}>
              认定
            </View>
          )}
          {record?.status === 'certified' && (
            <View id={`volunteer-reject-${attendance.id}`} className='btn btn--ghost btn--small' onClick={() => review('reject')}>
              撤销认定
            </View>
          )}
        </View>
      )}
      <ErrorNote message={error} />
    </View>
  );
}

/** 补录: the organiser records someone who served but could not scan (phone lost, no signal), with a reason. */
function RecordMissing({ activity, signup, onSaved }: { activity: VolunteerActivityView; signup: VolunteerSignupView; onSaved: () => void }) {
  const [form, setForm] = useState<VolunteerCorrectionFormState | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (!form) return;
    const result = toVolunteerCorrection(activity, form);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    try {
      await volunteersApi.recordAttendance(activity.id, { ...result.input, userId: signup.userId });
      Taro.showToast({ title: '已补录', icon: 'none' });
      setForm(null);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <View>
      <View className='vol-line'>
        <Text>{signup.name}</Text>
        {!form && (
          <Text id={`volunteer-record-missing-${signup.userId}`} className='status status--pending' onClick={() => setForm({ checkIn: shanghaiClockText(activity.startsAt), checkOut: shanghaiClockText(activity.endsAt), reason: '' })}>
            补录签到
          </Text>
        )}
      </View>
      {form && (
        <View>
          <View className='btn-pair'>
            <Input id={`volunteer-missing-in-${signup.userId}`} className='field__input' value={form.checkIn} onInput={(e) => setForm({ ...form, checkIn: e.detail.value })} />
            <Input id={`volunteer-missing-out-${signup.userId}`} className='field__input' value={form.checkOut} onInput={(e) => setForm({ ...form, checkOut: e.detail.value })} />
          </View>
          <Input id={`volunteer-missing-reason-${signup.userId}`} className='field__input' value={form.reason} placeholder='补录原因（必填）' onInput={(e) => setForm({ ...form, reason: e.detail.value })} />
          <View id={`volunteer-missing-save-${signup.userId}`} className='btn btn--small' onClick={save}>
            保存补录
          </View>
        </View>
      )}
      <ErrorNote message={error} />
    </View>
  );
}

/** 招募人数: raising it moves the waiting list up at once; lowering it never removes anyone already confirmed. */
function CapacityEditor({ activity, onSaved }: { activity: VolunteerActivityView; onSaved: () => void }) {
  const [text, setText] = useState(activity.capacity === null ? '' : String(activity.capacity));
  const [error, setError] = useState<string | null>(null);
  async function save() {
    const parsed = parseVolunteerCapacity(text);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    try {
      await volunteersApi.setCapacity(activity.id, parsed);
      Taro.showToast({ title: '已修改招募人数', icon: 'none' });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <View id='volunteer-capacity-editor' className='card'>
      <Text className='card__title'>招募人数</Text>
      <Input id='volunteer-capacity-input' className='field__input' type='number' value={text} placeholder='不限人数请留空' onInput={(e) => setText(e.detail.value)} />
      <View id='volunteer-capacity-save' className='btn btn--ghost btn--small' onClick={save}>
        保存招募人数
      </View>
      <Text className='vol-meta'>增加名额后，候补者按报名先后自动递补。</Text>
      <ErrorNote message={error} />
    </View>
  );
}

/** 签到名单: who signed up and who came, corrections, and certifying the hours (which awards the points). */
export default function VolunteerAttendance() {
  const router = useRouter();
  const id = Number(router.params.id);
  const [activity, setActivity] = useState<VolunteerActivityView | null>(null);
  const [signups, setSignups] = useState<VolunteerSignupView[]>([]);
  const [attendances, setAttendances] = useState<VolunteerAttendanceView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    if (!Number.isInteger(id)) return;
    Promise.all([volunteersApi.activity(id), volunteersApi.signups(id), volunteersApi.attendances(id)])
      .then(([a, s, att]) => {
        setActivity(a);
        setSignups(s);
        setAttendances(att);
      })
      .catch((err) => setError(errorMessage(err)));
  };
  useDidShow(load);

  async function certifyAll() {
    try {
      const { certified } = await volunteersApi.certifyActivity(id);
      Taro.showToast({ title: `已认定 ${certified} 条`, icon: 'none' });
      load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const pending = attendances.filter((a) => a.serviceRecord?.status === 'pending').length;
  return (
    <PageRoot id='volunteer-attendance-page'>
      <Text className='hero'>{activity?.title ?? '签到名单'}</Text>
      {activity && (
        <Text className='muted'>
          {shanghaiRangeText(activity.startsAt, activity.endsAt)} · {volunteerCapacityText(activity)}
        </Text>
      )}
      {activity?.cancelledAt && (
        <View id='volunteer-attendance-cancelled' className='card vol-cancelled'>
          <Text className='block'>活动已取消：{activity.cancelReason}</Text>
        </View>
      )}
      {activity && volunteerActivityActions(activity, new Date()).canChange && (
        <View id='volunteer-attendance-change' className='btn btn--ghost btn--small' onClick={() => Taro.navigateTo({ url: `/pages/volunteers/activity/index?id=${activity.id}` })}>
          修改或取消活动
        </View>
      )}
      <ErrorNote id='volunteer-attendance-page-error' message={error} />
      <View className='btn-pair'>
        <View id='volunteer-attendance-qr-in' className='btn' onClick={() => Taro.navigateTo({ url: `/pages/volunteers/qr/index?id=${id}&purpose=check_in` })}>
          出示签到码
        </View>
        <View id='volunteer-attendance-qr-out' className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: `/pages/volunteers/qr/index?id=${id}&purpose=check_out` })}>
          出示签退码
        </View>
      </View>
      {pending > 0 && (
        <View id='volunteer-certify-all' className='btn' onClick={certifyAll}>
          一键认定 {pending} 条服务时长
        </View>
      )}

      <Text className='section-title'>签到情况（{attendances.length}）</Text>
      {activity && attendances.length === 0 && <Text className='muted'>还没有人签到。</Text>}
      {activity && attendances.map((a) => <AttendanceRow key={a.id} activity={activity} attendance={a} onSaved={load} />)}

      {activity && volunteerSignupsWithoutAttendance(signups, attendances).length > 0 && (
        <View id='volunteer-missing' className='card'>
          <Text className='card__title'>已报名未签到</Text>
          {volunteerSignupsWithoutAttendance(signups, attendances).map((s) => (
            <RecordMissing key={s.id} activity={activity} signup={s} onSaved={load} />
          ))}
        </View>
      )}
      {activity && <CapacityEditor key={`${activity.id}:${activity.capacity}`} activity={activity} onSaved={load} />}

      <Text className='section-title'>报名名单（{signups.filter((s) => s.status !== 'cancelled').length}）</Text>
      <View className='card'>
        {signups.length === 0 && <Text className='muted'>暂无报名。</Text>}
        {signups.map((s) => (
          <View key={s.id} className={`vol-line volunteer-signup-${s.status}`}>
            <Text>{s.name}</Text>
            <Text className='muted-inline'>
              {s.status === 'waitlisted' && s.waitlistPosition ? `候补第${s.waitlistPosition}位` : VOLUNTEER_SIGNUP_STATUS_LABELS[s.status]}
            </Text>
          </View>
        ))}
      </View>
    </PageRoot>
  );
}
