import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { DELIBERATION_SCOPE_LABELS, type DeliberationScopeKind } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PhotoPicker } from '../../../components/photo-picker';
import { usePhotoQueue } from '../../../components/use-photo-queue';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { deliberationsApi } from '../../../services/deliberations-api';
import { DELIBERATION_PHOTOS_MAX } from '../parts/photo-links';
import { SignInNote } from '../parts/sign-in-note';
import { EMPTY_TOPIC_FORM, TOPIC_BODY_MAX, TOPIC_TITLE_MAX, toTopicInput, type TopicFormErrors, type TopicFormState } from './topic-form';
import '../deliberations.css';

const SCOPES: DeliberationScopeKind[] = ['community', 'building', 'owners'];

export default function ProposeTopic() {
  const current = useSession();
  const communityId = Number(useRouter().params.communityId);
  const [form, setForm] = useState<TopicFormState>(EMPTY_TOPIC_FORM);
  const [errors, setErrors] = useState<TopicFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const photos = usePhotoQueue(DELIBERATION_PHOTOS_MAX);
  const update = (patch: Partial<TopicFormState>) => setForm((prev) => ({ ...prev, ...patch }));

  async function submit() {
    if (busy) return;
    const { input, errors: found } = toTopicInput(form, photos.photos);
    setErrors(found);
    setError(null);
    if (!input) return;
    setBusy(true);
    try {
      const topic = await deliberationsApi.propose(communityId, input);
      Taro.showToast({ title: '已提交，等待党支部审核', icon: 'none' });
      setTimeout(() => Taro.redirectTo({ url: `/pages/deliberations/topic/index?id=${topic.id}` }), 600);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!current) {
    return (
      <PageRoot id='propose-page'>
        <Text className='hero'>提出议题</Text>
        <SignInNote id='propose-sign-in' text='登录并认证为本社区居民后可以提出议题。' />
      </PageRoot>
    );
  }

  return (
    <PageRoot id='propose-page'>
      <Text className='hero'>提出议题</Text>
      <Text className='muted'>说清楚是什么事、涉及哪些人、你的建议。提交后由社区党支部审核，通过后公开，居委会组织讨论和表决。</Text>

      <View className='field'>
        <Text className='field__label'>标题</Text>
        <Input
          id='propose-title'
          className='field__input'
          maxlength={TOPIC_TITLE_MAX}
          value={form.title}
          placeholder='如：3栋加装电梯'
          onInput={(e) => update({ title: e.detail.value })}
        />
        {errors.title && <Text className='field__error'>{errors.title}</Text>}
      </View>

      <View className='field'>
        <Text className='field__label'>情况和建议</Text>
        <Textarea
          id='propose-body'
          className='delib-textarea'
          maxlength={TOPIC_BODY_MAX}
          value={form.body}
          placeholder='现在是什么情况？希望怎么解决？'
          onInput={(e) => update({ body: e.detail.value })}
        />
        {errors.body && <Text className='field__error'>{errors.body}</Text>}
      </View>

      <View className='field'>
        <Text className='field__label'>涉及范围</Text>
        <View className='choices'>
          {SCOPES.map((kind) => (
            <View
              key={kind}
              id={`propose-scope-${kind}`}
              className={`choice${form.scopeKind === kind ? ' choice--on' : ''}`}
              onClick={() => update({ scopeKind: kind })}
            >
              {DELIBERATION_SCOPE_LABELS[kind]}
            </View>
          ))}
        </View>
        {form.scopeKind === 'owners' && (
          <Text className='muted'>业主共同决定事项（如使用维修资金、改变共有部分用途）按《民法典》第二百七十八条，由业主按专有部分面积和人数表决。</Text>
        )}
      </View>

      {form.scopeKind === 'building' && (
        <View className='field'>
          <Text className='field__label'>楼栋</Text>
          <Input id='propose-building' className='field__input' value={form.building} placeholder='如：3栋' onInput={(e) => update({ building: e.detail.value })} />
          {errors.building && <Text className='field__error'>{errors.building}</Text>}
        </View>
      )}

      <View className='field'>
        <Text className='field__label'>照片（可选，最多 {photos.max} 张）</Text>
        <PhotoPicker id='propose-photos' photos={photos.photos} max={photos.max} onPick={photos.pick} onRetry={photos.retry} onRemove={photos.remove} />
        {errors.photos && <Text className='field__error'>{errors.photos}</Text>}
      </View>

      <ErrorNote id='propose-error' message={error} />
      <View id='propose-submit' className={busy ? 'btn btn--disabled' : 'btn'} onClick={submit}>
        {busy ? '提交中…' : '提交议题'}
      </View>
    </PageRoot>
  );
}
