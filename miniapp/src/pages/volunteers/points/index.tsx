import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PointsAccountView, PointsLeaderboardEntryView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { volunteersApi } from '../../../services/volunteers-api';
import { useVolunteerScope } from '../common/use-volunteer-scope';
import '../common/volunteer.css';

/** 我的积分: balance, the ledger (reversals shown as negative lines), and the community's honour roll. */
export default function VolunteerPoints() {
  const current = useSession();
  const scope = useVolunteerScope(current?.user ?? null);
  const [account, setAccount] = useState<PointsAccountView | null>(null);
  const [board, setBoard] = useState<PointsLeaderboardEntryView[] | null>(null);
  const [tab, setTab] = useState<'ledger' | 'board'>('ledger');
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    if (!current) return;
    volunteersApi.myPoints().then(setAccount).catch((err) => setError(errorMessage(err)));
  });

  const communityId = scope.homeCommunityId;
  function showBoard() {
    setTab('board');
    if (communityId === null) return;
    volunteersApi.leaderboard(communityId).then(setBoard).catch((err) => setError(errorMessage(err)));
  }

  if (!current) {
    return (
      <PageRoot id='volunteer-points-page'>
        <Text className='hero'>我的积分</Text>
        <View className='card'>
          <Text className='muted'>登录后查看积分。</Text>
          <View className='btn' onClick={() => Taro.navigateTo({ url: '/pages/auth/login/index' })}>
            登录
          </View>
        </View>
      </PageRoot>
    );
  }

  const me = current.user.id;
  return (
    <PageRoot id='volunteer-points-page'>
      <View className='card'>
        <Text className='muted'>当前积分</Text>
        <Text id='volunteer-points-balance' className='vol-figure'>
          {account ? account.balance : '—'}
        </Text>
        <Text className='vol-meta'>志愿服务每小时10分，党员报到20分，随手拍、议事投票也可获得积分。</Text>
      </View>
      <View className='choices'>
        <View id='volunteer-points-tab-ledger' className={tab === 'ledger' ? 'choice choice--on' : 'choice'} onClick={() => setTab('ledger')}>
          积分明细
        </View>
        <View id='volunteer-points-tab-board' className={tab === 'board' ? 'choice choice--on' : 'choice'} onClick={showBoard}>
          社区排行
        </View>
      </View>
      <ErrorNote id='volunteer-points-error' message={error} />

      {tab === 'ledger' && (
        <View id='volunteer-points-ledger' className='card'>
          {account && account.lines.length === 0 && <Text className='muted'>还没有积分记录。</Text>}
          {account?.lines.map((line) => (
            <View key={line.id} className='vol-line volunteer-points-line'>
              <View>
                <Text className='block'>{line.reversalOf !== null ? `撤销：${line.ruleLabel}` : line.ruleLabel}</Text>
                <Text className='vol-meta'>{line.day}</Text>
              </View>
              <Text className={line.points < 0 ? 'status status--rejected' : 'status status--verified'}>{line.points > 0 ? `+${line.points}` : line.points}</Text>
            </View>
          ))}
        </View>
      )}
      {tab === 'board' && (
        <View id='volunteer-points-board' className='card'>
          {communityId === null && <Text className='muted'>绑定房屋后可查看所在社区排行。</Text>}
          {board && board.length === 0 && <Text className='muted'>本社区暂无积分记录。</Text>}
          {board?.map((entry) => (
            <View key={entry.userId} className={entry.userId === me ? 'vol-line volunteer-board-me' : 'vol-line'}>
              <Text>
                {entry.rank}. {entry.nameMasked}
                {entry.userId === me ? '（我）' : ''}
              </Text>
              <Text>{entry.points} 分</Text>
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  );
}
