import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { VolunteerActivityView } from '@linli/shared';
import { VOLUNTEER_PHASE_LABELS, volunteerActivityActions, volunteerCapacityText } from './activity-state';
import { shanghaiRangeText } from './shanghai-time';

/** One activity in a list: theme, time, place, places left and the person's own sign-up. */
export function VolunteerActivityCard({ activity, now, url }: { activity: VolunteerActivityView; now: Date; url?: string }) {
  const actions = volunteerActivityActions(activity, now);
  const open = () => Taro.navigateTo({ url: url ?? `/pages/volunteers/activity/index?id=${activity.id}` });
  return (
    <View id={`volunteer-activity-${activity.id}`} className='card volunteer-activity' onClick={open}>
      <View>
        <Text className='vol-tag'>{activity.themeLabel}</Text>
        <Text className={actions.phase === 'ended' || actions.phase === 'cancelled' ? 'vol-tag vol-tag--off' : 'vol-tag vol-tag--ok'}>{VOLUNTEER_PHASE_LABELS[actions.phase]}</Text>
        {actions.signupText && <Text className='vol-tag vol-tag--warn'>{actions.signupText}</Text>}
      </View>
      <Text className='card__title'>{activity.title}</Text>
      <Text className='vol-meta'>时间：{shanghaiRangeText(activity.startsAt, activity.endsAt)}</Text>
      <Text className='vol-meta'>地点：{activity.placeName}</Text>
      <Text className='vol-meta'>
        {activity.organizerName} · {volunteerCapacityText(activity)}
      </Text>
    </View>
  );
}
