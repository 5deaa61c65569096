import { Text, View } from '@tarojs/components';
import type { Capability } from '../services/capabilities';

/** What this person can do in a feature (✓) and what needs another role or step first (·). */
export function CapabilityList({ items }: { items: Capability[] }) {
  return (
    <View className='capabilities'>
      {items.map((item) => (
        <View key={item.text} className={item.allowed ? 'capability capability--yes' : 'capability capability--no'}>
          <Text className='capability__mark'>{item.allowed ? '✓' : '·'}</Text>
          <Text>
            {item.text}
            {item.allowed ? '' : `（${item.hint}）`}
          </Text>
        </View>
      ))}
    </View>
  );
}
