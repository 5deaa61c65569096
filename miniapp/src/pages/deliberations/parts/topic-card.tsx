import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DELIBERATION_SCOPE_LABELS, DELIBERATION_TOPIC_STATUS_LABELS, type DeliberationTopicView } from '@linli/shared';
import { formatShanghaiTime } from './deliberation-time';

/** A topic in a list: tap to open it (or its deliberation, once one is running). */
export function TopicCard({ topic }: { topic: DeliberationTopicView }) {
  const open = () =>
    Taro.navigateTo({
      url: topic.deliberationId ? `/pages/deliberations/detail/index?id=${topic.deliberationId}` : `/pages/deliberations/topic/index?id=${topic.id}`,
    });
  const done = topic.status === 'approved' || topic.status === 'deliberating';
  return (
    <View id={`delib-topic-${topic.id}`} className={`card delib-topic delib-topic-${topic.id}`} onClick={open}>
      <Text className='card__title'>{topic.title}</Text>
      <View>
        <Text className={`delib-status delib-topic-status-${topic.status}${done ? ' delib-status--done' : ''}`}>
          {DELIBERATION_TOPIC_STATUS_LABELS[topic.status]}
        </Text>
        <Text className='muted-inline'>{DELIBERATION_SCOPE_LABELS[topic.scope.kind]}{topic.scope.building ? ` · ${topic.scope.building}` : ''}</Text>
      </View>
      <Text className='delib-meta'>
        {topic.proposerName} 提出 · {formatShanghaiTime(topic.createdAt)} · {topic.supportCount} 人附议
      </Text>
    </View>
  );
}
