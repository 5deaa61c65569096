import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { CaseSummary } from '@linli/shared';

/** What a row shows: the same few fields of a whole summary and of a followed case's public cut. */
export type CaseRowItem = Pick<CaseSummary, 'id' | 'code' | 'status' | 'statusLabel' | 'description' | 'categoryName' | 'thumbUrl' | 'createdAt'>;
import { formatAge } from './case-format';
import { CaseStatusBadge } from './case-status-badge';
import { mediaUrl } from '../../services/taro-photos';

/** One row of a case list: thumbnail, status, what and when; tap opens the case. */
export function CaseRow({ item, prefix, extra }: { item: CaseRowItem; prefix: string; extra?: string }) {
  return (
    <View className={`case-item ${prefix}-${item.id}`} onClick={() => Taro.navigateTo({ url: `/pages/cases/detail/index?id=${item.id}` })}>
      {item.thumbUrl ? <Image className='case-item__thumb' src={mediaUrl(item.thumbUrl)} mode='aspectFill' /> : <View className='case-item__thumb' />}
      <View className='case-item__body'>
        <View className='row'>
          <Text className='muted-inline'>{item.code}</Text>
          <CaseStatusBadge status={item.status} label={item.statusLabel} />
        </View>
        <Text className='case-item__text'>{item.description}</Text>
        <Text className='muted'>
          {item.categoryName ?? '待分类'} · {formatAge(item.createdAt, Date.now())}
          {extra ? ` · ${extra}` : ''}
        </Text>
      </View>
    </View>
  );
}
