import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { VolunteerActivityView, VolunteerAttendanceView, VolunteerQrPurpose } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { errorMessage } from '../../../services';
import { volunteersApi } from '../../../services/volunteers-api';
import { volunteerAttendanceRequest } from './attendance-request';
import { canScanCode, currentVolunteerPosition, scanVolunteerCode } from './device';
import { shanghaiClockText } from './shanghai-time';

const STEP_LABEL: Record<VolunteerQrPurpose, string> = { check_in: '签到', check_out: '签退' };

/** The person's own attendance line after a check-in or check-out. */
export function AttendanceSummary({ attendance }: { attendance: VolunteerAttendanceView }) {
  return (
    <View id='volunteer-attendance-result' className='card'>
      <Text className='card__title'>我的签到</Text>
      <Text id='volunteer-checked-in-at' className='block'>
        签到：{attendance.checkInAt ? shanghaiClockText(attendance.checkInAt) : '—'}
      </Text>
      <Text id='volunteer-checked-out-at' className='block'>
        签退：{attendance.checkOutAt ? shanghaiClockText(attendance.checkOutAt) : '—'}
      </Text>
      {attendance.checkOutAt && (
        <Text id='volunteer-hours' className='block'>
          服务时长：{attendance.hours} 小时（待组织方认定）
        </Text>
      )}
    </View>
  );
}

/**
 * Check-in and check-out for one activity: scan the organiser's code on weapp, paste it on H5 (no camera
 * scanner there), or use the phone's location where the activity allows it.
 */
export function AttendancePanel({ activity, onDone }: { activity: VolunteerActivityView; onDone: (a: VolunteerAttendanceView) => void }) {
  const [tokenText, setTokenText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const byLocation = activity.checkMethods.includes('location');
  const byQr = activity.checkMethods.includes('qr');

  async function submit(purpose: VolunteerQrPurpose, how: 'qr' | 'location') {
    if (busy) return;
    setError(null);
    let scannedText: string | null = null;
    if (how === 'qr') {
      scannedText = canScanCode ? await scanVolunteerCode() : tokenText;
      if (canScanCode && scannedText === null) return;
    }
    const needsPosition = how === 'location' || activity.requireLocation;
    const position = needsPosition ? await currentVolunteerPosition() : null;
    if (needsPosition && !position) {
      setError('无法获取定位，请在设置中允许使用位置信息');
      return;
    }
    const request = volunteerAttendanceRequest(activity, purpose, { scannedText, position });
    if ('error' in request) {
      setError(request.error);
      return;
    }
    setBusy(true);
    try {
      const attendance = purpose === 'check_in' ? await volunteersApi.checkIn(activity.id, request.input) : await volunteersApi.checkOut(activity.id, request.input);
      setTokenText('');
      Taro.showToast({ title: `${STEP_LABEL[purpose]}成功`, icon: 'success' });
      onDone(attendance);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id='volunteer-attendance' className='card'>
      <Text className='card__title'>现场签到 / 签退</Text>
      {byQr && !canScanCode && (
        <View className='field'>
          <Text className='field__label'>签到码</Text>
          <Text className='muted'>网页版无法调用摄像头，请输入或粘贴组织方屏幕上二维码下方的签到码。</Text>
          <Input id='volunteer-token' className='field__input' value={tokenText} placeholder='粘贴签到码 / 签退码' onInput={(e) => setTokenText(e.detail.value)} />
        </View>
      )}
      {byQr && (
        <View className='btn-pair'>
          <View id='volunteer-check-in' className={busy ? 'btn btn--disabled' : 'btn'} onClick={() => submit('check_in', 'qr')}>
            {canScanCode ? '扫码签到' : '签到'}
          </View>
          <View id='volunteer-check-out' className={busy ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'} onClick={() => submit('check_out', 'qr')}>
            {canScanCode ? '扫码签退' : '签退'}
          </View>
        </View>
      )}
      {byLocation && (
        <View className='btn-pair'>
          <View id='volunteer-locate-check-in' className='btn btn--ghost' onClick={() => submit('check_in', 'location')}>
            定位签到
          </View>
          <View id='volunteer-locate-check-out' className='btn btn--ghost' onClick={() => submit('check_out', 'location')}>
            定位签退
          </View>
        </View>
      )}
      <ErrorNote id='volunteer-attendance-error' message={error} />
    </View>
  );
}
