import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DevUserOption } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { api, errorMessage } from '../../../services';
import { groupDevUsers } from './dev-user-groups';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

function backToMe() {
  Taro.switchTab({ url: '/pages/me/index' });
}

export default function Login() {
  // null: the server has development sign-in switched off; undefined: still asking.
  const [devUsers, setDevUsers] = useState<DevUserOption[] | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .devUsers()
      .then(setDevUsers)
      .catch((err) => {
        setDevUsers(null);
        // On weapp the WeChat button still works without the picker; on H5 the picker is the only way in.
        if (!IS_WEAPP) setError(errorMessage(err));
      });
  }, []);

  async function signIn(action: () => Promise<unknown>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
      backToMe();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const wechatSignIn = () =>
    signIn(async () => {
      const { code } = await Taro.login();
      await api.signInWithWechat(code);
    });

  return (
    <PageRoot id='login-page'>
      <Text className='hero'>登录邻里</Text>
      <Text className='muted'>登录后可以上报问题、参与议事和志愿服务。</Text>
      <ErrorNote id='login-error' message={error} />

      {IS_WEAPP && (
        <View id='login-wechat' className={busy ? 'btn btn--disabled' : 'btn'} onClick={wechatSignIn}>
          微信一键登录
        </View>
      )}

      {devUsers === undefined && <Text className='muted'>加载中…</Text>}
      {devUsers === null && !IS_WEAPP && !error && <Text className='muted'>请在微信中打开小程序登录。</Text>}
      {devUsers && devUsers.length > 0 && (
        <View id='dev-sign-in'>
          <Text className='section-title'>开发环境登录</Text>
          <Text className='muted'>仅用于演示和测试：选择一位示例用户直接登录。</Text>
          {groupDevUsers(devUsers).map((group) => (
            <View key={group.role} className={`card dev-user-group dev-user-group-${group.role}`}>
              <Text className='card__title'>{group.label}</Text>
              {group.users.map((user) => (
                <View
                  key={user.id}
                  id={`dev-user-${user.id}`}
                  className={`link-row dev-user dev-user-${user.id}`}
                  onClick={() => signIn(() => api.signInAsDevUser(user.id))}
                >
                  <View>
                    <Text className='block dev-user__name'>{user.name}</Text>
                    {user.scopeLabel ? <Text className='muted'>{user.scopeLabel}</Text> : null}
                  </View>
                  <Text className='chevron'>›</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  );
}
