import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageRoot } from './page-root';

interface Props {
  /** The page root's id, the same one the signed-in page uses (browser tests wait for it). */
  pageId: string;
  title: string;
  /** What signing in is for, e.g. 请先登录再报到。 */
  reason: string;
}

/** What a page that needs a signed-in person shows a visitor: its title, why, and the way to 登录. */
export function SignInRequired({ pageId, title, reason }: Props) {
  return (
    <PageRoot id={pageId}>
      <Text className='hero'>{title}</Text>
      <View className='card'>
        <Text className='muted'>{reason}</Text>
        <View className='btn' onClick={() => Taro.navigateTo({ url: '/pages/auth/login/index' })}>
          登录
        </View>
      </View>
    </PageRoot>
  );
}
