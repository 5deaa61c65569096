import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

/** Shown where an action needs a signed-in person; visitors still see everything public around it. */
export function SignInNote({ id, text }: { id: string; text: string }) {
  return (
    <View id={id} className='card'>
      <Text className='muted'>{text}</Text>
      <View className='btn btn--ghost btn--small' onClick={() => Taro.navigateTo({ url: '/pages/auth/login/index' })}>
        去登录
      </View>
    </View>
  );
}
