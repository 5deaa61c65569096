import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@linli/shared';
import { useSession } from '../hooks/use-session';
import { capabilitiesFor, type CapabilityRule } from '../services/capabilities';
import { CapabilityList } from './capability-list';
import { PageRoot } from './page-root';

interface FeatureLandingProps {
  id: string;
  title: string;
  summary: string;
  steps: string[];
  rules: CapabilityRule[];
}

/** A tab's landing page: what the feature is, how it works, and what this person may do in it. */
export function FeatureLanding({ id, title, summary, steps, rules }: FeatureLandingProps) {
  const current = useSession();
  const capabilities = capabilitiesFor(rules, current?.user ?? null, ROLE_LABELS);
  return (
    <PageRoot id={id}>
      <Text className='hero'>{title}</Text>
      <Text className='muted'>{summary}</Text>

      <Text className='section-title'>怎么用</Text>
      <View className='card'>
        {steps.map((step, index) => (
          <View key={step} className='capability'>
            <Text className='capability__mark'>{index + 1}.</Text>
            <Text>{step}</Text>
          </View>
        ))}
      </View>

      <Text className='section-title'>{current ? `${current.user.name}，你可以` : '游客可以'}</Text>
      <View className='card feature-capabilities'>
        <CapabilityList items={capabilities} />
      </View>
      <Text className='muted'>功能正在陆续开放，敬请期待。</Text>
    </PageRoot>
  );
}
