import { Text, View } from '@tarojs/components';
import type { CommunitySummary } from '@linli/shared';

/** Chooses among the communities a person works in; shows nothing when there is only one. */
export function CommunityPicker({ communities, value, onChange }: { communities: CommunitySummary[]; value: number | null; onChange: (id: number) => void }) {
  if (communities.length <= 1) return null;
  return (
    <View className='choices'>
      {communities.map((c) => (
        <View key={c.id} className={`choice volunteer-community-${c.id}${c.id === value ? ' choice--on' : ''}`} onClick={() => onChange(c.id)}>
          <Text>{c.name}</Text>
        </View>
      ))}
    </View>
  );
}
