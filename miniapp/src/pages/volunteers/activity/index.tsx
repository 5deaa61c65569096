import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { isAllowed, VOLUNTEER_ORGANIZER_LABELS, type VolunteerActivityView, type VolunteerAttendanceView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { api, errorMessage } from '../../../services';
import { newClientKey } from '../../../services/client-key';
import { volunteersApi } from '../../../services/volunteers-api';
import { VOLUNTEER_PHASE_LABELS, volunteerActivityActions, volunteerCapacityText } from '../common/activity-state';
import { AttendancePanel, AttendanceSummary } from '../common/attendance-panel';
import { shanghaiDateTimeText, shanghaiRangeText } from '../common/shanghai-time';
import '../common/volunteer.css';

/** One activity: details, sign-up / cancel / waiting list, on-site check-in and out, and the organiser's tools. */
export default function VolunteerActivity() {
  const router = useRouter();
  const id = Number(router.params.id);
  const current = useSession();
  const [activity, setActivity] = useState<VolunteerActivityView | null>(null);
  const [attendance, setAttendance] = useState<VolunteerAttendanceView | null>(null);
  const [organiser, setOrganiser] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const signupKey = useRef<string | null>(null);

  const load = () => {
    if (!current || !Number.isInteger(id)) return;
    volunteersApi
      .activity(id)
      .then(setActivity)
      .catch((err) => setError(errorMessage(err)));
  };
  useDidShow(load);

  // Organiser tools follow the shared permission matrix for the activity's community.
  useEffect(() => {
    if (!current || !activity) return;
    Promise.all([api.district(), api.communities()])
      .then(([district, communities]) => {
        const community = communities.find((c) => c.id === activity.communityId);
        setOrganiser(!!community && isAllowed(current.user.grants, 'volunteer.organise', { districtId: district.id, streetId: community.streetId, communityId: community.id }));
      })
      .catch(() => setOrganiser(false));
  }, [current, activity?.communityId]);

  async function signUp(cancel: boolean) {
    if (!activity || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (cancel) {
        const result = await volunteersApi.cancelSignup(activity.id);
        Taro.showToast({ title: result.promotedCount > 0 ? '已取消，候补者已递补' : '已取消报名', icon: 'none' });
      } else {
        // One key per sign-up intent: kept across retries after a lost answer, dropped once it succeeds.
        signupKey.current ??= newClientKey();
        const signup = await volunteersApi.signUp(activity.id, signupKey.current);
        signupKey.current = null;
        Taro.showToast({ title: signup.status === 'waitlisted' ? `名额已满，候补第${signup.waitlistPosition}位` : '报名成功', icon: 'none' });
      }
      setActivity(await volunteersApi.activity(activity.id));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  // After a check-in or out, reload so the page reads the person's state from the server as after any reload.
  async function attendanceDone(done: VolunteerAttendanceView) {
    setAttendance(done);
    if (activity) setActivity(await volunteersApi.activity(activity.id).catch(() => activity));
  }

  async function cancelActivity() {
    if (!activity || busy) return;
    if (!cancelReason.trim()) {
      setError('请填写取消原因，报名的志愿者会看到');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setActivity(await volunteersApi.cancelActivity(activity.id, { reason: cancelReason.trim() }));
      setCancelling(false);
      Taro.showToast({ title: '活动已取消', icon: 'none' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!current) {
    return (
      <PageRoot id='volunteer-activity-page'>
        <Text className='hero'>志愿活动</Text>
        <View className='card'>
          <Text className='muted'>登录后可查看和报名志愿活动。</Text>
          <View className='btn' onClick={() => Taro.navigateTo({ url: '/pages/auth/login/index' })}>
            登录
          </View>
        </View>
      </PageRoot>
    );
  }
  if (!activity) {
    return (
      <PageRoot id='volunteer-activity-page'>
        <Text className='hero'>志愿活动</Text>
        <ErrorNote id='volunteer-activity-error' message={error} />
        {!error && <Text className='muted'>加载中…</Text>}
      </PageRoot>
    );
  }

  const actions = volunteerActivityActions(activity, new Date());
  const myAttendance = activity.myAttendance ?? attendance;
  return (
    <PageRoot id='volunteer-activity-page'>
      <View>
        <Text className='vol-tag'>{activity.themeLabel}</Text>
        <Text id='volunteer-phase' className={actions.phase === 'ended' || actions.phase === 'cancelled' ? 'vol-tag vol-tag--off' : 'vol-tag vol-tag--ok'}>
          {VOLUNTEER_PHASE_LABELS[actions.phase]}
        </Text>
        {actions.attendanceText && (
          <Text id='volunteer-attendance-state' className='vol-tag vol-tag--ok'>
            {actions.attendanceText}
          </Text>
        )}
      </View>
      <Text id='volunteer-activity-title' className='hero'>
        {activity.title}
      </Text>
      {activity.cancelledAt && (
        <View id='volunteer-cancelled-banner' className='card vol-cancelled'>
          <Text className='card__title'>活动已取消</Text>
          <Text id='volunteer-cancel-reason' className='block'>
            取消原因：{activity.cancelReason}
          </Text>
          <Text className='vol-meta'>取消时间：{shanghaiDateTimeText(activity.cancelledAt)}。本次活动不再签到，也不计服务时长。</Text>
        </View>
      )}
      <View className='card'>
        <Text className='block'>时间：{shanghaiRangeText(activity.startsAt, activity.endsAt)}</Text>
        <Text className='block'>地点：{activity.placeName}</Text>
        <Text className='block'>
          发布：{activity.organizerName}（{VOLUNTEER_ORGANIZER_LABELS[activity.organizerKind]}）
        </Text>
        <Text id='volunteer-capacity' className='block'>
          {volunteerCapacityText(activity)}
        </Text>
        <Text className='vol-meta'>
          签到方式：{activity.checkMethods.map((m) => (m === 'qr' ? '扫码' : `定位（${activity.radiusMeters ?? 200}米内）`)).join('、')}
          {activity.requireLocation ? '，扫码时需同时定位' : ''}
        </Text>
        {activity.description && <Text className='block'>{activity.description}</Text>}
        {activity.requirements && <Text className='vol-meta'>要求：{activity.requirements}</Text>}
      </View>

      <View className='card'>
        <Text className='card__title'>报名</Text>
        <Text id='volunteer-signup-status' className='block'>
          {actions.signupText ??
            (actions.phase === 'upcoming' ? (actions.full ? '名额已满，报名将进入候补' : '尚未报名') : actions.phase === 'cancelled' ? '活动已取消' : '报名已截止')}
        </Text>
        {actions.canSignUp && (
          <View id='volunteer-signup' className={busy ? 'btn btn--disabled' : 'btn'} onClick={() => signUp(false)}>
            {actions.full ? '报名候补' : '我要报名'}
          </View>
        )}
        {actions.canCancel && (
          <View id='volunteer-cancel' className={busy ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'} onClick={() => signUp(true)}>
            取消报名
          </View>
        )}
      </View>
      <ErrorNote id='volunteer-activity-error' message={error} />

      {(actions.checkInOpen || actions.checkOutOpen) && (
        <AttendancePanel activity={activity} onDone={attendanceDone} />
      )}
      {!actions.checkInOpen && !actions.checkOutOpen && actions.phase === 'upcoming' && (
        <Text className='muted'>活动开始前30分钟开放现场签到。</Text>
      )}
      {myAttendance && <AttendanceSummary attendance={myAttendance} />}

      {organiser && (
        <View id='volunteer-organiser-tools' className='card'>
          <Text className='card__title'>组织方</Text>
          <View className='btn-pair'>
            <View id='volunteer-show-qr-in' className='btn' onClick={() => Taro.navigateTo({ url: `/pages/volunteers/qr/index?id=${activity.id}&purpose=check_in` })}>
              签到码
            </View>
            <View id='volunteer-show-qr-out' className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: `/pages/volunteers/qr/index?id=${activity.id}&purpose=check_out` })}>
              签退码
            </View>
          </View>
          <View id='volunteer-manage-attendance' className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: `/pages/volunteers/attendance/index?id=${activity.id}` })}>
            报名与签到名单 · 认定时长
          </View>
          {actions.canChange && (
            <View className='btn-pair'>
              <View id='volunteer-edit-activity' className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: `/pages/volunteers/publish/index?edit=${activity.id}` })}>
                修改活动
              </View>
              <View id='volunteer-cancel-activity' className='btn btn--ghost' onClick={() => setCancelling(!cancelling)}>
                取消活动
              </View>
            </View>
          )}
          {actions.canChange && cancelling && (
            <View className='field'>
              <Text className='field__label'>取消原因（报名的志愿者会看到）</Text>
              <Input id='volunteer-cancel-reason-input' className='field__input' value={cancelReason} maxlength={200} placeholder='如：暴雨预警，活动取消' onInput={(e) => setCancelReason(e.detail.value)} />
              <View id='volunteer-cancel-confirm' className={busy ? 'btn btn--disabled' : 'btn'} onClick={cancelActivity}>
                确认取消活动
              </View>
            </View>
          )}
        </View>
      )}
    </PageRoot>
  );
}
