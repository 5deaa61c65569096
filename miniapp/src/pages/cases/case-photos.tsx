import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { UploadedPhoto } from '@linli/shared';
import { mediaUrl } from '../../services/taro-photos';
import '../../components/photos.css';

/** Thumbnails that open the full photos in the system viewer. */
export function CasePhotos({ id, photos }: { id: string; photos: UploadedPhoto[] }) {
  const urls = photos.map((photo) => mediaUrl(photo.url));
  return (
    <View id={id} className='photo-row'>
      {photos.map((photo, index) => (
        <Image
          key={photo.id}
          className='photo-row__img'
          src={mediaUrl(photo.thumbUrl)}
          mode='aspectFill'
          onClick={() => Taro.previewImage({ current: urls[index], urls })}
        />
      ))}
    </View>
  );
}
