import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { isAllowed } from '@linli/shared';
import { ErrorNote } from '../../components/error-note';
import { PageRoot } from '../../components/page-root';
import { RoleBadges } from '../../components/role-badges';
import { useLargeText } from '../../hooks/use-large-text';
import { useSession } from '../../hooks/use-session';
import { api, errorMessage, largeText, session } from '../../services';
import { showUnreadBadge } from '../../services/notifications-api';
import { RESIDENCY_RELATION_LABELS, RESIDENCY_STATUS_LABELS } from '../../services/residency-labels';
import { roleSectionsFor, type RoleSection } from './role-sections';

function openSection(section: RoleSection) {
  if (section.url) Taro.navigateTo({ url: section.url });
  else Taro.showToast({ title: '即将开放', icon: 'none' });
}

function LargeTextSwitch() {
  const on = useLargeText();
  return (
    <View id='me-large-text' className={on ? 'row toggle-row toggle-row--on' : 'row toggle-row'} onClick={() => largeText.set(!on)}>
      <View>
        <Text className='card__title'>大字模式</Text>
        <Text className='muted'>放大文字和按钮，看得更清楚</Text>
      </View>
      <View className={on ? 'toggle toggle--on' : 'toggle'}>
        <View className='toggle__knob' />
      </View>
    </View>
  );
}

export default function Me() {
  const current = useSession();
  const [error, setError] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);

  useDidShow(() => {
    if (!session.token()) {
      void showUnreadBadge(0);
      return;
    }
    setError(null);
    api.me().catch((err) => setError(errorMessage(err)));
    void showUnreadBadge().then(setUnread);
  });

  if (!current) {
    return (
      <PageRoot id='me-page'>
        <Text className='hero'>我的</Text>
        <View className='card'>
          <Text className='card__title'>尚未登录</Text>
          <Text className='muted'>登录后可以查看身份、绑定房屋，参与社区事务。</Text>
          <View id='me-sign-in' className='btn' onClick={() => Taro.navigateTo({ url: '/pages/auth/login/index' })}>
            登录
          </View>
        </View>
        <View className='card'>
          <LargeTextSwitch />
        </View>
      </PageRoot>
    );
  }

  const me = current.user;
  const sections = roleSectionsFor(me);
  return (
    <PageRoot id='me-page'>
      <View id='me-profile' className='card'>
        <Text id='me-name' className='hero'>
          {me.name}
        </Text>
        <Text id='me-phone' className='muted'>
          {me.phoneMasked ?? '未绑定手机号'}
        </Text>
        <View className='spacer' />
        <RoleBadges grants={me.grants} />
      </View>
      <ErrorNote id='me-error' message={error} />

      <View id='me-notifications' className='card link-row' onClick={() => Taro.navigateTo({ url: '/pages/me/notifications/index' })}>
        <View>
          <Text className='card__title'>消息通知</Text>
          <Text id='me-notifications-unread' className='muted'>
            {unread > 0 ? `${unread} 条未读` : '投票结果等通知'}
          </Text>
        </View>
        <Text className='chevron'>›</Text>
      </View>

      <Text className='section-title'>我的社区</Text>
      <View className='card'>
        {me.community ? (
          <Text id='me-community' className='card__title'>
            {me.community.streetName} · {me.community.name}
          </Text>
        ) : (
          <Text id='me-community' className='muted'>
            尚未认证居住社区
          </Text>
        )}
        {me.residencies.map((residency) => (
          <View key={residency.id} className={`link-row residency residency-${residency.id}`}>
            <View>
              <Text className='block'>
                {residency.household.communityName} {[residency.household.building, residency.household.unit, residency.household.room].filter(Boolean).join(' ')}
              </Text>
              <Text className='muted'>
                {RESIDENCY_RELATION_LABELS[residency.relation]}
                {residency.exclusiveArea !== null ? ` · ${residency.exclusiveArea}㎡` : ''}
              </Text>
              {residency.status === 'rejected' && residency.reviewNote ? <Text className='field__error'>原因：{residency.reviewNote}</Text> : null}
            </View>
            <Text className={`status status--${residency.status} residency-status-${residency.status}`}>{RESIDENCY_STATUS_LABELS[residency.status]}</Text>
          </View>
        ))}
        {isAllowed(me.grants, 'residency.apply') && (
          <View id='me-residency-apply' className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: '/pages/me/residency/index' })}>
            实名认证 / 绑定房屋
          </View>
        )}
      </View>

      {sections.length > 0 && (
        <>
          <Text className='section-title'>工作台</Text>
          <View className='card'>
            {sections.map((section) => (
              <View key={section.key} id={`me-section-${section.key}`} className='link-row' onClick={() => openSection(section)}>
                <View>
                  <Text className='card__title'>{section.title}</Text>
                  <Text className='muted'>{section.scopes.filter(Boolean).join('、') || section.description}</Text>
                </View>
                <Text className='chevron'>›</Text>
              </View>
            ))}
          </View>
        </>
      )}

      <Text className='section-title'>设置</Text>
      <View className='card'>
        <LargeTextSwitch />
      </View>
      <View id='me-sign-out' className='btn btn--ghost' onClick={() => api.signOut()}>
        退出登录
      </View>
    </PageRoot>
  );
}
