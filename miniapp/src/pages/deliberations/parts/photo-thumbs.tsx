import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { mediaUrl } from '../../../services/taro-photos';
import { deliberationPhotoLinks } from './photo-links';
import '../../../components/photos.css';

/** Thumbnails of a topic's or a meeting's photos; a tap opens them full size in the system viewer. */
export function DeliberationPhotoThumbs({ id, photoIds }: { id: string; photoIds: string[] }) {
  if (!photoIds.length) return null;
  const links = deliberationPhotoLinks(photoIds);
  const urls = links.map((link) => mediaUrl(link.url));
  return (
    <View id={id} className='photo-row'>
      {links.map((link, index) => (
        <Image
          key={link.id}
          className={`photo-row__img ${id}-${index}`}
          src={mediaUrl(link.thumbUrl)}
          mode='aspectFill'
          onClick={() => Taro.previewImage({ current: urls[index], urls })}
        />
      ))}
    </View>
  );
}
