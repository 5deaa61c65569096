import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { CommunitySummary, StreetSummary } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { api, errorMessage } from '../../../services';
import { RESIDENCY_RELATIONS, RESIDENCY_RELATION_LABELS } from '../../../services/residency-labels';
import { EMPTY_RESIDENCY_FORM, fieldErrorsFromDetails, toResidencyApplication, type ResidencyFormErrors, type ResidencyFormState } from './residency-form';
import { SignInRequired } from '../../../components/sign-in-required';

type TextField = 'building' | 'unit' | 'room' | 'exclusiveArea' | 'realName';

const TEXT_FIELDS: Array<{ key: TextField; label: string; placeholder: string }> = [
  { key: 'realName', label: '真实姓名', placeholder: '与身份证一致' },
  { key: 'building', label: '楼栋', placeholder: '如：12栋、东风路88号' },
  { key: 'unit', label: '单元', placeholder: '如：2单元；没有单元填“无”' },
  { key: 'room', label: '房号', placeholder: '如：301' },
];

export default function ResidencyApply() {
  const current = useSession();
  const [streets, setStreets] = useState<StreetSummary[]>([]);
  const [communities, setCommunities] = useState<CommunitySummary[]>([]);
  const [streetId, setStreetId] = useState<number | null>(null);
  const [form, setForm] = useState<ResidencyFormState>(EMPTY_RESIDENCY_FORM);
  const [errors, setErrors] = useState<ResidencyFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([api.district(), api.communities()])
      .then(([district, all]) => {
        setStreets(district.streets);
        setCommunities(all);
      })
      .catch((err) => setError(errorMessage(err)));
  }, []);

  const update = (patch: Partial<ResidencyFormState>) => setForm((prev) => ({ ...prev, ...patch }));

  async function submit() {
    if (busy) return;
    const result = toResidencyApplication(form);
    setErrors(result.errors ?? {});
    setError(null);
    if (!result.application) return;
    setBusy(true);
    try {
      await api.applyForResidency(result.application);
      await api.me().catch(() => undefined);
      Taro.showToast({ title: '已提交，等待居委会审核', icon: 'none' });
      setTimeout(() => Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' })), 800);
    } catch (err) {
      setError(errorMessage(err));
      setErrors(fieldErrorsFromDetails((err as { details?: unknown }).details));
    } finally {
      setBusy(false);
    }
  }

  if (!current) {
    return <SignInRequired pageId='residency-page' title='实名认证' reason='请先登录再绑定房屋。' />;
  }

  const streetCommunities = communities.filter((c) => c.streetId === streetId);
  return (
    <PageRoot id='residency-page'>
      <Text className='hero'>实名认证 / 绑定房屋</Text>
      <Text className='muted'>提交后由所在社区居委会核实，认证通过即可参与本社区议事和表决。</Text>

      <View className='field'>
        <Text className='field__label'>所在街道</Text>
        <View className='choices'>
          {streets.map((street) => (
            <View
              key={street.id}
              className={`choice street-option street-option-${street.id}${street.id === streetId ? ' choice--on' : ''}`}
              onClick={() => {
                setStreetId(street.id);
                update({ communityId: null });
              }}
            >
              {street.name}
            </View>
          ))}
        </View>
      </View>

      {streetId !== null && (
        <View className='field'>
          <Text className='field__label'>所在社区</Text>
          <View className='choices'>
            {streetCommunities.map((community) => (
              <View
                key={community.id}
                className={`choice community-option community-option-${community.id}${community.id === form.communityId ? ' choice--on' : ''}`}
                onClick={() => update({ communityId: community.id })}
              >
                {community.name}
              </View>
            ))}
          </View>
        </View>
      )}
      {errors.communityId && <Text className='field__error'>{errors.communityId}</Text>}

      <View className='field'>
        <Text className='field__label'>与房屋的关系</Text>
        <View className='choices'>
          {RESIDENCY_RELATIONS.map((relation) => (
            <View
              key={relation}
              id={`residency-relation-${relation}`}
              className={`choice${relation === form.relation ? ' choice--on' : ''}`}
              onClick={() => update({ relation })}
            >
              {RESIDENCY_RELATION_LABELS[relation]}
            </View>
          ))}
        </View>
      </View>

      {TEXT_FIELDS.map((field) => (
        <View key={field.key} className='field'>
          <Text className='field__label'>{field.label}</Text>
          <Input
            id={`residency-${field.key}`}
            className='field__input'
            value={form[field.key]}
            placeholder={field.placeholder}
            onInput={(e) => update({ [field.key]: e.detail.value })}
          />
          {errors[field.key] && <Text className='field__error'>{errors[field.key]}</Text>}
        </View>
      ))}

      {form.relation === 'owner' && (
        <View className='field'>
          <Text className='field__label'>专有部分面积（平方米）</Text>
          <Input
            id='residency-exclusiveArea'
            className='field__input'
            type='digit'
            value={form.exclusiveArea}
            placeholder='见不动产权证，如 86.5'
            onInput={(e) => update({ exclusiveArea: e.detail.value })}
          />
          <Text className='muted'>业主表决时按专有部分面积计票。</Text>
          {errors.exclusiveArea && <Text className='field__error'>{errors.exclusiveArea}</Text>}
        </View>
      )}

      <ErrorNote id='residency-error' message={error} />
      <View id='residency-submit' className={busy ? 'btn btn--disabled' : 'btn'} onClick={submit}>
        {busy ? '提交中…' : '提交认证'}
      </View>
    </PageRoot>
  );
}
