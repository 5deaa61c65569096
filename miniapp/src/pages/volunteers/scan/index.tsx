import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { VolunteerAttendanceView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { volunteersApi } from '../../../services/volunteers-api';
import { volunteerAttendanceRequest } from '../common/attendance-request';
import { AttendanceSummary } from '../common/attendance-panel';
import { canScanCode, currentVolunteerPosition, scanVolunteerCode } from '../common/device';
import { readVolunteerQrText } from '../common/qr-text';
import '../common/volunteer.css';
import { SignInRequired } from '../../../components/sign-in-required';

/**
 * 扫码签到 from the tab: the code itself says which activity and whether it is the check-in or check-out code,
 * so one scan is enough. On H5 the code is pasted instead.
 */
export default function VolunteerScan() {
  const current = useSession();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ title: string; attendance: VolunteerAttendanceView } | null>(null);

  async function submit(scanned: string | null) {
    if (busy || scanned === null) return;
    setError(null);
    const code = readVolunteerQrText(scanned);
    if (!code) {
      setError('二维码无效，请扫描活动现场的签到码');
      return;
    }
    setBusy(true);
    try {
      const activity = await volunteersApi.activity(code.activityId);
      const position = activity.requireLocation ? await currentVolunteerPosition() : null;
      const request = volunteerAttendanceRequest(activity, code.purpose, { scannedText: code.token, position });
      if ('error' in request) {
        setError(request.error);
        return;
      }
      const attendance =
        code.purpose === 'check_in' ? await volunteersApi.checkIn(activity.id, request.input) : await volunteersApi.checkOut(activity.id, request.input);
      setDone({ title: activity.title, attendance });
      setText('');
      Taro.showToast({ title: code.purpose === 'check_in' ? '签到成功' : '签退成功', icon: 'success' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!current) {
    return <SignInRequired pageId='volunteer-scan-page' title='扫码签到' reason='请先登录再签到。' />;
  }

  return (
    <PageRoot id='volunteer-scan-page'>
      <Text className='hero'>扫码签到</Text>
      <Text className='muted'>扫描活动现场组织方出示的签到码或签退码。二维码每半分钟更新一次，请扫描屏幕上最新的码。</Text>
      <View className='card'>
        {canScanCode ? (
          <View id='volunteer-scan-camera' className={busy ? 'btn btn--disabled' : 'btn'} onClick={async () => submit(await scanVolunteerCode())}>
            打开扫一扫
          </View>
        ) : (
          <View>
            <Text className='field__label'>签到码</Text>
            <Input id='volunteer-scan-token' className='field__input' value={text} placeholder='粘贴二维码下方的签到码' onInput={(e) => setText(e.detail.value)} />
            <View id='volunteer-scan-submit' className={busy ? 'btn btn--disabled' : 'btn'} onClick={() => submit(text)}>
              提交
            </View>
          </View>
        )}
        <ErrorNote id='volunteer-scan-error' message={error} />
      </View>
      {done && (
        <View>
          <Text className='section-title'>{done.title}</Text>
          <AttendanceSummary attendance={done.attendance} />
        </View>
      )}
    </PageRoot>
  );
}
