import { Image, Text, View } from '@tarojs/components';
import type { CasePublicView } from '@linli/shared';
import { mediaUrl } from '../../services/taro-photos';
import { formatDateTime, formatDuration } from './case-format';
import '../../components/photos.css';

/**
 * What a follower (我也遇到) is shown of a case besides its text and timeline: roughly where, how many joined,
 * thumbnails. The server gives no names, no coordinates and no full photos in this view, and the page says so
 * rather than leaving gaps that look like missing data.
 */
export function CasePublicFacts({ view }: { view: CasePublicView }) {
  const where = [view.place.streetName, view.place.communityName].filter(Boolean).join(' ');
  const thumbs = [...view.photoThumbUrls.before, ...view.photoThumbUrls.after];
  return (
    <View id='case-public'>
      <Text className='muted'>
        {where ? `大致位置：${where} · ` : ''}
        {formatDateTime(view.createdAt)}
        {view.followerCount ? ` · ${view.followerCount} 人也遇到` : ''}
      </Text>
      {view.resolvedAt && <Text className='muted'>用时 {formatDuration(view.createdAt, view.resolvedAt)}</Text>}
      {thumbs.length > 0 && (
        <View id='case-public-photos' className='photo-row'>
          {thumbs.map((url) => (
            <Image key={url} className='photo-row__img' src={mediaUrl(url)} mode='aspectFill' />
          ))}
        </View>
      )}
      <Text id='case-public-note' className='muted block'>
        {view.isFollowing ? '你已关注这件反映。' : ''}这里显示公开的办理进度；反映人、承办人和具体位置不公开。
      </Text>
    </View>
  );
}
