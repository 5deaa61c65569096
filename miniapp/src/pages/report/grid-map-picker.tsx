import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View, type ITouchEvent } from '@tarojs/components';
import type { GridDetail, LngLat } from '@linli/shared';
import { gridContaining, gridMapFrame, gridMapSvg, projectToMap, svgDataUrl, tapToLngLat } from './grid-map';

const VIEW_WIDTH = 690;
/** A tall community is drawn narrower, so the whole map fits on a phone screen without scrolling past it. */
const MAX_HEIGHT_RATIO = 1.4;
/** Label size in view units when the drawing is shown full width. */
const LABEL_SIZE = 26;

interface GridMapPickerProps {
  grids: GridDetail[];
  value: LngLat | null;
  onPick: (point: LngLat, grid: GridDetail | null) => void;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface TapLike {
  clientX?: number;
  clientY?: number;
  detail?: { x?: number; y?: number };
  /** On H5 the tapped DOM element, which can measure itself at once. */
  currentTarget?: { getBoundingClientRect?: () => Box };
}

/** The drawing's position on screen: straight from the DOM on H5, through a selector query elsewhere. */
function measure(event: TapLike, done: (box: Box) => void) {
  const rect = event.currentTarget?.getBoundingClientRect?.();
  if (rect) return done(rect);
  Taro.createSelectorQuery()
    .select('#report-map')
    .boundingClientRect()
    .exec((result: Array<Box | null>) => {
      if (result?.[0]) done(result[0]);
    });
}

/**
 * The map-pin fallback where no map is available (H5): the community's grids drawn from their polygons,
 * a tap places the pin. The grid under the pin is shown so the resident sees who will receive the report.
 */
export function GridMapPicker({ grids, value, onPick }: GridMapPickerProps) {
  const frame = useMemo(() => gridMapFrame(grids, VIEW_WIDTH), [grids]);
  const chosenGrid = value ? gridContaining(grids, value) : null;
  const ratio = frame ? frame.height / frame.width : 1;
  const widthPct = ratio > MAX_HEIGHT_RATIO ? (MAX_HEIGHT_RATIO / ratio) * 100 : 100;
  const src = useMemo(
    () => (frame ? svgDataUrl(gridMapSvg(grids, frame, chosenGrid?.id ?? null, (LABEL_SIZE * 100) / widthPct)) : ''),
    [grids, frame, chosenGrid?.id, widthPct],
  );
  if (!frame) return <Text className='muted'>本社区暂无网格地图</Text>;

  const pin = value ? projectToMap(frame, value) : null;
  const onTap = (tapped: ITouchEvent) => {
    const event = tapped as unknown as TapLike;
    const x = event.clientX ?? event.detail?.x;
    const y = event.clientY ?? event.detail?.y;
    if (x === undefined || y === undefined) return;
    measure(event, (box) => {
      const point = tapToLngLat(frame, box, x, y);
      if (point) onPick(point, gridContaining(grids, point));
    });
  };

  return (
    <View className='grid-map'>
      <View id='report-map' className='grid-map__canvas' style={{ width: `${widthPct}%`, paddingBottom: `${widthPct * ratio}%` }} onClick={onTap}>
        <Image className='grid-map__img' src={src} mode='scaleToFill' />
        {pin && (
          <View id='report-map-pin' className='grid-map__pin' style={{ left: `${(pin.x / frame.width) * 100}%`, top: `${(pin.y / frame.height) * 100}%` }}>
            <View className='grid-map__pin-head' />
            <View className='grid-map__pin-stem' />
          </View>
        )}
      </View>
      <Text id='report-map-grid' className='muted'>
        {value ? (chosenGrid ? `所在网格：${chosenGrid.name}` : '该位置不在本社区网格内，将由街道派单') : '点地图标出问题位置'}
      </Text>
    </View>
  );
}
