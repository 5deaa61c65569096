import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

/** A large tappable card that leads to a tab or page and says what it is for. */
export function EntryCard({ id, title, description, url, tab = false }: { id: string; title: string; description: string; url: string; tab?: boolean }) {
  const open = () => (tab ? Taro.switchTab({ url }) : Taro.navigateTo({ url }));
  return (
    <View id={id} className='card entry-card' onClick={open}>
      <View className='row'>
        <Text className='card__title'>{title}</Text>
        <Text className='chevron'>›</Text>
      </View>
      <Text className='muted'>{description}</Text>
    </View>
  );
}
