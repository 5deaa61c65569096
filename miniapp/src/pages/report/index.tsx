import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { CASE_DESCRIPTION_MAX, type CategorySummary, type CommunitySummary, type GridDetail, type NearbyCase } from '@linli/shared';
import { ErrorNote } from '../../components/error-note';
import { PageRoot } from '../../components/page-root';
import { useSession } from '../../hooks/use-session';
import { api, errorMessage } from '../../services';
import { casesApi } from '../../services/cases-api';
import { formatAge, formatDistance } from '../cases/case-format';
import { mediaUrl } from '../../services/taro-photos';
import { newClientKey } from '../../services/client-key';
import { currentGcj02Position } from '../../services/location';
import { GridMapPicker } from './grid-map-picker';
import { PhotoPicker } from '../../components/photo-picker';
import { toSubmitReport, type ReportDraftErrors, type ReportLocation } from './report-draft';
import { usePhotoQueue } from '../../components/use-photo-queue';
import './report.css';

const IS_H5 = process.env.TARO_ENV === 'h5';
const LOCATE_TIMEOUT_MS = 12_000;

function groupCategories(categories: CategorySummary[]): Array<[string, CategorySummary[]]> {
  const groups = new Map<string, CategorySummary[]>();
  for (const category of categories) groups.set(category.group, [...(groups.get(category.group) ?? []), category]);
  return [...groups.entries()];
}

function openCase(id: number) {
  Taro.navigateTo({ url: `/pages/cases/detail/index?id=${id}` });
}

function VisitorView() {
  return (
    <PageRoot id='report-page'>
      <Text className='hero'>随手拍</Text>
      <Text className='muted'>看到占道经营、垃圾堆放、井盖破损、路灯不亮等问题，拍张照片就能上报，系统按位置派给所在网格的网格员。</Text>
      <View className='card'>
        <Text className='card__title'>登录后即可上报</Text>
        <View id='report-sign-in' className='btn' onClick={() => Taro.navigateTo({ url: '/pages/auth/login/index' })}>
          登录
        </View>
      </View>
      <View id='report-outcomes' className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: '/pages/cases/outcomes/index' })}>
        看看办理结果
      </View>
    </PageRoot>
  );
}

export default function Report() {
  const current = useSession();
  const queue = usePhotoQueue();
  const [clientKey, setClientKey] = useState(() => newClientKey());
  const [location, setLocation] = useState<ReportLocation | null>(null);
  const [description, setDescription] = useState('');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [categories, setCategories] = useState<CategorySummary[]>([]);
  const [communities, setCommunities] = useState<CommunitySummary[]>([]);
  const [mapCommunityId, setMapCommunityId] = useState<number | null>(null);
  const [grids, setGrids] = useState<GridDetail[]>([]);
  const [nearby, setNearby] = useState<NearbyCase[] | null>(null);
  const [errors, setErrors] = useState<ReportDraftErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [locating, setLocating] = useState(false);

  const signedIn = !!current;
  const homeCommunityId = current?.user.community?.id ?? null;
  useEffect(() => {
    if (!signedIn) return;
    casesApi.categories().then(setCategories, () => setCategories([]));
    if (IS_H5 && homeCommunityId === null) api.communities().then(setCommunities, () => setCommunities([]));
    setMapCommunityId((id) => id ?? homeCommunityId);
  }, [signedIn, homeCommunityId]);

  useEffect(() => {
    if (!IS_H5 || mapCommunityId === null) return;
    casesApi.grids(mapCommunityId).then(setGrids, (err) => setError(errorMessage(err)));
  }, [mapCommunityId]);

  const grouped = useMemo(() => groupCategories(categories), [categories]);

  if (!current) return <VisitorView />;

  async function locate() {
    setLocating(true);
    try {
      // A browser that never answers the permission prompt would leave the button spinning.
      const here = await Promise.race([
        currentGcj02Position(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), LOCATE_TIMEOUT_MS)),
      ]);
      setLocation({ lng: here.lng, lat: here.lat, address: location?.address ?? '', source: 'gps' });
    } catch {
      Taro.showToast({ title: IS_H5 ? '无法获取定位，请在下方地图上点选' : '无法获取定位，请在地图上选点', icon: 'none' });
    } finally {
      setLocating(false);
    }
  }

  async function chooseOnMap() {
    try {
      const chosen = await Taro.chooseLocation(location ? { latitude: location.lat, longitude: location.lng } : {});
      setLocation({ lng: chosen.longitude, lat: chosen.latitude, address: chosen.address || chosen.name || '', source: 'chosen' });
    } catch {
      // Closing the picker keeps what was there.
    }
  }

  function resetDraft() {
    queue.reset();
    setClientKey(newClientKey());
    setLocation(null);
    setDescription('');
    setCategoryId(null);
    setNearby(null);
    setErrors({});
  }

  async function send() {
    const { request } = toSubmitReport({ clientKey, photos: queue.photos, location, description, categoryId });
    if (!request) return;
    setBusy(true);
    setError(null);
    try {
      const created = await casesApi.submit(request);
      resetDraft();
      openCase(created.id);
    } catch (err) {
      // The client key stays, so tapping again cannot file the same report twice.
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    if (busy) return;
    const { request, errors: found } = toSubmitReport({ clientKey, photos: queue.photos, location, description, categoryId });
    setErrors(found);
    setError(null);
    if (!request) return;
    setBusy(true);
    let similar: NearbyCase[] = [];
    try {
      similar = await casesApi.nearby({ lng: request.lng, lat: request.lat, ...(categoryId !== null ? { categoryId } : {}) });
    } catch {
      // The duplicate check is a courtesy; it must not stop a report.
    } finally {
      setBusy(false);
    }
    const others = similar.filter((c) => !c.isReporter);
    if (!others.length) return send();
    setNearby(others);
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }

  async function follow(caseId: number) {
    setBusy(true);
    try {
      await casesApi.follow(caseId);
      resetDraft();
      Taro.showToast({ title: '已关注，办理进展会通知你', icon: 'none' });
      openCase(caseId);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (nearby) {
    return (
      <PageRoot id='report-page'>
        <Text className='hero'>附近已有类似反映</Text>
        <Text className='muted'>如果是同一个问题，点“我也遇到”一起跟进，处理会更快。</Text>
        <View id='report-nearby' className='card nearby'>
          {nearby.map((item) => (
            <View key={item.id} className={`case-item nearby-case nearby-case-${item.id}`}>
              {item.thumbUrl ? <Image className='case-item__thumb' src={mediaUrl(item.thumbUrl)} mode='aspectFill' /> : null}
              <View className='case-item__body'>
                <Text className='case-item__text'>{item.description}</Text>
                <Text className='muted'>
                  {item.categoryName ?? '未分类'} · 距离 {formatDistance(item.distanceMeters)} · {formatAge(item.createdAt, Date.now())} · {item.statusLabel}
                  {item.followerCount ? ` · ${item.followerCount} 人也遇到` : ''}
                </Text>
                {item.isFollowing ? (
                  <Text className='muted'>你已关注</Text>
                ) : (
                  <View id={`report-follow-${item.id}`} className='btn btn--small' onClick={() => follow(item.id)}>
                    我也遇到
                  </View>
                )}
              </View>
            </View>
          ))}
        </View>
        <ErrorNote id='report-error' message={error} />
        <View id='report-submit-anyway' className={busy ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'} onClick={() => !busy && send()}>
          不是同一个问题，继续提交
        </View>
        <View id='report-nearby-back' className='btn btn--ghost' onClick={() => setNearby(null)}>
          返回修改
        </View>
      </PageRoot>
    );
  }

  return (
    <PageRoot id='report-page'>
      <View className='row'>
        <Text className='hero'>随手拍</Text>
        <Text id='report-my-cases' className='badge' onClick={() => Taro.navigateTo({ url: '/pages/cases/mine/index' })}>
          我的反映 ›
        </Text>
      </View>
      <Text className='muted'>拍下身边的问题，按位置派给所在网格的网格员办理。</Text>

      <Text className='section-title'>照片（{queue.photos.length}/{queue.max}）</Text>
      <PhotoPicker id='report-photos' photos={queue.photos} max={queue.max} onPick={queue.pick} onRetry={queue.retry} onRemove={queue.remove} />
      {errors.photos && <Text className='field__error'>{errors.photos}</Text>}

      <Text className='section-title'>位置</Text>
      <View className='card'>
        <Text id='report-location' className={location ? 'block' : 'muted'}>
          {location ? `${location.source === 'gps' ? '当前位置' : '已选位置'}：${location.lng.toFixed(5)}, ${location.lat.toFixed(5)}` : '尚未选择位置'}
        </Text>
        <View className='btn-pair'>
          <View id='report-locate' className={locating ? 'btn btn--ghost btn--small btn--disabled' : 'btn btn--ghost btn--small'} onClick={() => !locating && locate()}>
            {locating ? '定位中…' : '使用当前位置'}
          </View>
          {!IS_H5 && (
            <View id='report-choose-location' className='btn btn--ghost btn--small' onClick={chooseOnMap}>
              在地图上选点
            </View>
          )}
        </View>
        {IS_H5 && (
          <>
            {homeCommunityId === null && (
              <View className='choices'>
                {communities.map((community) => (
                  <View
                    key={community.id}
                    className={`choice report-community-${community.id}${community.id === mapCommunityId ? ' choice--on' : ''}`}
                    onClick={() => setMapCommunityId(community.id)}
                  >
                    {community.name}
                  </View>
                ))}
              </View>
            )}
            {mapCommunityId !== null && (
              <GridMapPicker
                grids={grids}
                value={location}
                onPick={(point) => setLocation({ ...point, address: location?.address ?? '', source: 'map' })}
              />
            )}
          </>
        )}
        <View className='field'>
          <Text className='field__label'>地点说明（可不填）</Text>
          <Input
            id='report-address'
            className='field__input'
            value={location?.address ?? ''}
            disabled={!location}
            placeholder={location ? '如：解放北路 123 号门口' : '先选择位置'}
            onInput={(e) => location && setLocation({ ...location, address: e.detail.value })}
          />
        </View>
      </View>
      {errors.location && <Text className='field__error'>{errors.location}</Text>}

      <Text className='section-title'>问题描述</Text>
      <Textarea
        id='report-description'
        className='field__textarea'
        value={description}
        maxlength={CASE_DESCRIPTION_MAX}
        placeholder='发生了什么？如：人行道井盖破损，晚上容易绊倒'
        onInput={(e) => setDescription(e.detail.value)}
      />
      {errors.description && <Text className='field__error'>{errors.description}</Text>}

      <Text className='section-title'>问题类别（可不选）</Text>
      <View id='report-categories' className='card'>
        <View
          id='report-category-auto'
          className={`choice${categoryId === null ? ' choice--on' : ''}`}
          onClick={() => setCategoryId(null)}
        >
          不确定，让系统判断
        </View>
        {grouped.map(([group, items]) => (
          <View key={group} className='field'>
            <Text className='field__label'>{group}</Text>
            <View className='choices'>
              {items.map((category) => (
                <View
                  key={category.id}
                  id={`report-category-${category.id}`}
                  className={`choice${category.id === categoryId ? ' choice--on' : ''}`}
                  onClick={() => setCategoryId(category.id)}
                >
                  {category.name}
                </View>
              ))}
            </View>
          </View>
        ))}
      </View>

      <ErrorNote id='report-error' message={error} />
      <View id='report-submit' className={busy ? 'btn btn--disabled' : 'btn'} onClick={submit}>
        {busy ? '提交中…' : '提交反映'}
      </View>
      <View
        id='report-outcomes'
        className='btn btn--ghost'
        onClick={() => Taro.navigateTo({ url: `/pages/cases/outcomes/index${homeCommunityId !== null ? `?communityId=${homeCommunityId}` : ''}` })}
      >
        看看办理结果
      </View>
    </PageRoot>
  );
}
