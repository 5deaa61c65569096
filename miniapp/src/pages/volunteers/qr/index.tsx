import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter, useUnload } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { VolunteerActivityView, VolunteerQrPurpose, VolunteerQrView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../services';
import { volunteersApi } from '../../../services/volunteers-api';
import { volunteerQrRefreshDelay, volunteerQrSecondsLeft } from '../common/qr-refresh';
import { shanghaiRangeText } from '../common/shanghai-time';
import { volunteerQrImage } from './qr-image';
import '../common/volunteer.css';

const PURPOSE_LABEL: Record<VolunteerQrPurpose, string> = { check_in: '签到码', check_out: '签退码' };

/**
 * The organiser's screen at the venue: the rotating code, fetched again shortly before it expires so a photo
 * sent to someone at home stops working within a minute. The token text is shown too, for H5 volunteers
 * who have no camera scanner.
 */
export default function VolunteerQr() {
  const router = useRouter();
  const id = Number(router.params.id);
  const [purpose, setPurpose] = useState<VolunteerQrPurpose>(router.params.purpose === 'check_out' ? 'check_out' : 'check_in');
  const [activity, setActivity] = useState<VolunteerActivityView | null>(null);
  const [qr, setQr] = useState<VolunteerQrView | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const refreshAt = useRef<string | null>(null);
  const timers = useRef<{ refresh?: ReturnType<typeof setTimeout>; tick?: ReturnType<typeof setInterval> }>({});

  const stop = () => {
    clearTimeout(timers.current.refresh);
    clearInterval(timers.current.tick);
  };
  useUnload(stop);

  useEffect(() => {
    if (!Number.isInteger(id)) return;
    volunteersApi.activity(id).then(setActivity).catch((err) => setError(errorMessage(err)));
    // The organiser's phone lies on the table for the whole event; a dimmed screen cannot be scanned.
    if (process.env.TARO_ENV === 'weapp') Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  }, [id]);

  useEffect(() => {
    if (!Number.isInteger(id)) return;
    let live = true;
    const fetchNext = async () => {
      try {
        const next = await volunteersApi.qr(id, purpose);
        if (!live) return;
        setQr(next);
        setError(null);
        // Count down to the scheduled refresh rather than to expiresAt: the phone's clock may disagree with the server's.
        const delay = volunteerQrRefreshDelay(next.expiresAt, new Date());
        refreshAt.current = new Date(Date.now() + delay).toISOString();
        setSecondsLeft(volunteerQrSecondsLeft(refreshAt.current, new Date()));
        timers.current.refresh = setTimeout(fetchNext, delay);
      } catch (err) {
        if (!live) return;
        setError(errorMessage(err));
        // Keep trying: the venue's network often drops for a moment.
        timers.current.refresh = setTimeout(fetchNext, 5_000);
      }
    };
    stop();
    fetchNext();
    timers.current.tick = setInterval(() => {
      setSecondsLeft(refreshAt.current ? volunteerQrSecondsLeft(refreshAt.current, new Date()) : 0);
    }, 1_000);
    return () => {
      live = false;
      stop();
    };
  }, [id, purpose]);

  return (
    <PageRoot id='volunteer-qr-page'>
      <Text className='hero'>{PURPOSE_LABEL[purpose]}</Text>
      {activity && (
        <Text className='muted'>
          {activity.title} · {shanghaiRangeText(activity.startsAt, activity.endsAt)}
        </Text>
      )}
      <View className='choices'>
        {(['check_in', 'check_out'] as const).map((p) => (
          <View key={p} id={`volunteer-qr-purpose-${p}`} className={p === purpose ? 'choice choice--on' : 'choice'} onClick={() => setPurpose(p)}>
            {PURPOSE_LABEL[p]}
          </View>
        ))}
      </View>
      <View className='card'>
        {qr ? (
          <View className='vol-qr'>
            <Image id='volunteer-qr-image' className='vol-qr__image' src={volunteerQrImage(qr.token)} mode='aspectFit' />
            <Text id='volunteer-qr-token' className='vol-token'>
              {qr.token}
            </Text>
            <Text id='volunteer-qr-countdown' className='muted'>
              {secondsLeft} 秒后自动更新
            </Text>
          </View>
        ) : (
          <Text className='muted'>正在生成二维码…</Text>
        )}
      </View>
      <ErrorNote id='volunteer-qr-error' message={error} />
      <Text className='muted'>请志愿者打开「志愿 → 扫码签到」扫描此码。</Text>
    </PageRoot>
  );
}
