import { Image, Text, View } from '@tarojs/components';
import type { DraftPhoto } from '../services/photo-queue';
import './photos.css';

interface PhotoPickerProps {
  /** Id prefix: `<id>` on the grid, `<id>-add` on the add tile. */
  id: string;
  photos: DraftPhoto[];
  max: number;
  onPick: () => void;
  onRetry: (key: string) => void;
  onRemove: (key: string) => void;
}

/** Photo tiles, each with its own progress bar, retry on failure and remove; plus the add tile. */
export function PhotoPicker({ id, photos, max, onPick, onRetry, onRemove }: PhotoPickerProps) {
  return (
    <View id={id} className='photo-grid'>
      {photos.map((photo, index) => (
        <View key={photo.key} className={`draft-photo draft-photo--${photo.state} draft-photo-${index}`}>
          <Image className='draft-photo__img' src={photo.filePath} mode='aspectFill' />
          {photo.state === 'uploading' && (
            <View className='draft-photo__bar'>
              <View className='draft-photo__fill' style={{ width: `${photo.progress}%` }} />
              <Text className='draft-photo__label draft-photo-progress'>{photo.progress}%</Text>
            </View>
          )}
          {photo.state === 'failed' && (
            <View className='draft-photo__failed draft-photo-retry' onClick={() => onRetry(photo.key)}>
              <Text>上传失败</Text>
              <Text className='draft-photo__retry'>点此重试</Text>
            </View>
          )}
          {photo.state === 'done' && <Text className='draft-photo__ok'>✓</Text>}
          <View className='draft-photo__remove draft-photo-remove' onClick={() => onRemove(photo.key)}>
            ×
          </View>
        </View>
      ))}
      {photos.length < max && (
        <View id={`${id}-add`} className='draft-photo draft-photo--add' onClick={onPick}>
          <Text className='draft-photo__plus'>＋</Text>
          <Text className='muted'>拍照/相册</Text>
        </View>
      )}
    </View>
  );
}
