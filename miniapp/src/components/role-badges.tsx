import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type GrantSummary } from '@linli/shared';

/** One badge a grant: the role's Chinese label and where it applies, e.g. "网格员 · 小北社区 · 第3网格". */
export function RoleBadges({ grants }: { grants: GrantSummary[] }) {
  if (grants.length === 0) return <Text className='muted'>暂无身份</Text>;
  return (
    <View className='role-badges'>
      {grants.map((grant) => (
        <Text key={`${grant.role}-${grant.scopeKind}-${grant.scopeId}`} className={`badge role-badge role-badge-${grant.role}`}>
          {ROLE_LABELS[grant.role]}
          {grant.scopeLabel ? ` · ${grant.scopeLabel}` : ''}
        </Text>
      ))}
    </View>
  );
}
