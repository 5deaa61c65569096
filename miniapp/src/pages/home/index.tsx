import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EntryCard } from '../../components/entry-card';
import { ErrorNote } from '../../components/error-note';
import { PageRoot } from '../../components/page-root';
import { useSession } from '../../hooks/use-session';
import type { DistrictTree } from '@linli/shared';
import { api, errorMessage } from '../../services';
import { streetDirectory, type StreetEntry } from './street-directory';

function greeting(hour: number): string {
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export default function Home() {
  const current = useSession();
  const me = current?.user ?? null;
  const [district, setDistrict] = useState<DistrictTree | null>(null);
  const [directory, setDirectory] = useState<StreetEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [tree, communities] = await Promise.all([api.district(), api.communities()]);
      setDistrict(tree);
      setDirectory(streetDirectory(tree.streets, communities));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <PageRoot id='home-page'>
      <Text id='home-greeting' className='hero'>
        {greeting(new Date().getHours())}，{me ? me.name : '邻居'}
      </Text>

      {me ? (
        me.community ? (
          <View className='card'>
            <Text className='muted'>我的社区</Text>
            <Text id='home-community' className='card__title'>
              {me.community.streetName} · {me.community.name}
            </Text>
          </View>
        ) : (
          <View className='card'>
            <Text className='card__title'>还没有绑定房屋</Text>
            <Text className='muted'>完成实名认证并绑定房屋后，就能参与本社区的议事和表决。</Text>
            <View id='home-residency' className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: '/pages/me/residency/index' })}>
              去认证
            </View>
          </View>
        )
      ) : (
        <View className='card'>
          <Text className='card__title'>你好，游客</Text>
          <Text className='muted'>登录后可以随手拍上报问题、参与社区议事、报名志愿活动。</Text>
          <View id='home-sign-in' className='btn' onClick={() => Taro.navigateTo({ url: '/pages/auth/login/index' })}>
            登录
          </View>
        </View>
      )}

      <Text className='section-title'>我能做什么</Text>
      <EntryCard id='home-entry-report' tab url='/pages/report/index' title='随手拍' description='看到身边的问题，拍照上报，网格员来处理。' />
      <EntryCard id='home-entry-deliberation' tab url='/pages/deliberation/index' title='议事' description='社区公共事务，大家提议、讨论、投票决定。' />
      <EntryCard id='home-entry-volunteer' tab url='/pages/volunteer/index' title='志愿' description='党员报到、志愿服务，为邻里出一份力。' />

      <Text className='section-title'>{district ? `${district.name}的街道和社区` : '街道和社区'}</Text>
      <ErrorNote id='home-error' message={error} />
      {!error && !district && <Text className='muted'>加载中…</Text>}
      <View id='home-directory'>
        {directory.map(({ street, communities }) => (
          <View key={street.id} className={`card street street-${street.id}`}>
            <Text className='card__title'>{street.name}</Text>
            {communities.length === 0 ? (
              <Text className='muted'>暂无社区</Text>
            ) : (
              <View className='choices'>
                {communities.map((community) => (
                  <Text key={community.id} className={`badge community community-${community.id}`}>
                    {community.name}
                  </Text>
                ))}
              </View>
            )}
          </View>
        ))}
      </View>
    </PageRoot>
  );
}
