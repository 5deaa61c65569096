import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { OWNER_MATTER_KEYS, OWNER_MATTERS, type DeliberationView, type VotingBallotType } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../services';
import { deliberationsApi } from '../../../services/deliberations-api';
import { emptyPollForm, POLL_DURATIONS, toPollInput, type PollFormErrors, type PollFormState } from './poll-form';
import '../deliberations.css';

const TYPES: { type: VotingBallotType; label: string }[] = [
  { type: 'single', label: '单选' },
  { type: 'multiple', label: '多选' },
  { type: 'approval3', label: '同意/反对/弃权' },
];

/** The committee opens a vote on a deliberation: ballot type, options, how long it runs, whether counts stay hidden. */
export default function NewPollPage() {
  const deliberationId = Number(useRouter().params.deliberationId);
  const [deliberation, setDeliberation] = useState<DeliberationView | null>(null);
  const [form, setForm] = useState<PollFormState | null>(null);
  const [errors, setErrors] = useState<PollFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    deliberationsApi
      .deliberation(deliberationId)
      .then((d) => {
        setDeliberation(d);
        setForm(emptyPollForm(d.scope.kind, d.title));
      })
      .catch((err) => setError(errorMessage(err)));
  }, [deliberationId]);

  if (!deliberation || !form) {
    return (
      <PageRoot id='new-poll-page'>
        <ErrorNote id='poll-form-error' message={error} />
        {!error && <Text className='muted'>加载中…</Text>}
      </PageRoot>
    );
  }

  const owners = deliberation.scope.kind === 'owners';
  const update = (patch: Partial<PollFormState>) => setForm((prev) => (prev ? { ...prev, ...patch } : prev));
  const setOption = (index: number, label: string) => update({ options: form.options.map((o, i) => (i === index ? label : o)) });

  async function submit() {
    if (!form || busy) return;
    const { input, errors: found } = toPollInput(form, deliberation!.scope.kind, new Date());
    setErrors(found);
    setError(null);
    if (!input) return;
    setBusy(true);
    try {
      const poll = await deliberationsApi.openPoll(deliberationId, input);
      Taro.redirectTo({ url: `/pages/deliberations/poll/index?id=${poll.id}` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageRoot id='new-poll-page'>
      <Text className='hero'>发起投票</Text>
      <Text className='muted'>议事：{deliberation.title}</Text>

      <View className='field'>
        <Text className='field__label'>投票标题</Text>
        <Input id='poll-title' className='field__input' value={form.title} onInput={(e) => update({ title: e.detail.value })} />
        {errors.title && <Text className='field__error'>{errors.title}</Text>}
      </View>

      {owners ? (
        <View className='field'>
          <Text className='field__label'>表决事项（《民法典》第二百七十八条）</Text>
          <Text className='muted'>业主表决：同意/反对/弃权，按专有部分面积和业主人数计算，一户（专有部分）一票。</Text>
          <View className='choices'>
            {OWNER_MATTER_KEYS.map((key) => (
              <View
                key={key}
                className={`choice poll-matter-${key}${form.ownerMatter === key ? ' choice--on' : ''}`}
                onClick={() => update({ ownerMatter: key })}
              >
                {OWNER_MATTERS[key].item}. {OWNER_MATTERS[key].label}
                {OWNER_MATTERS[key].agreement === 'special' ? '（四分之三）' : ''}
              </View>
            ))}
          </View>
          {errors.ownerMatter && <Text className='field__error'>{errors.ownerMatter}</Text>}
        </View>
      ) : (
        <View className='field'>
          <Text className='field__label'>投票方式</Text>
          <View className='choices'>
            {TYPES.map((t) => (
              <View key={t.type} id={`poll-type-${t.type}`} className={`choice${form.type === t.type ? ' choice--on' : ''}`} onClick={() => update({ type: t.type })}>
                {t.label}
              </View>
            ))}
          </View>
        </View>
      )}

      {form.type !== 'approval3' && (
        <View className='field'>
          <Text className='field__label'>选项</Text>
          {form.options.map((label, i) => (
            <View key={i} className='field'>
              <Input id={`poll-option-${i}`} className='field__input' value={label} placeholder={`选项 ${i + 1}`} onInput={(e) => setOption(i, e.detail.value)} />
            </View>
          ))}
          <View id='poll-option-add' className='btn btn--ghost btn--small' onClick={() => update({ options: [...form.options, ''] })}>
            增加选项
          </View>
          {errors.options && <Text className='field__error'>{errors.options}</Text>}
        </View>
      )}

      {form.type === 'multiple' && (
        <View className='field'>
          <Text className='field__label'>每人最多可选几项</Text>
          <Input id='poll-max-choices' className='field__input' type='number' value={form.maxChoices} onInput={(e) => update({ maxChoices: e.detail.value })} />
          {errors.maxChoices && <Text className='field__error'>{errors.maxChoices}</Text>}
        </View>
      )}

      <View className='field'>
        <Text className='field__label'>投票时长（现在开始）</Text>
        <View className='choices'>
          {POLL_DURATIONS.map((d) => (
            <View
              key={d.hours}
              className={`choice poll-duration-${d.hours}${form.durationHours === d.hours ? ' choice--on' : ''}`}
              onClick={() => update({ durationHours: d.hours })}
            >
              {d.label}
            </View>
          ))}
        </View>
      </View>

      <View id='poll-hide-results' className='row' onClick={() => update({ hideResultsUntilClose: !form.hideResultsUntilClose })}>
        <View>
          <Text className='field__label'>投票结束前不公开票数</Text>
          <Text className='muted'>避免跟风投票；结束后自动公示。</Text>
        </View>
        <View className={form.hideResultsUntilClose ? 'toggle toggle--on' : 'toggle'}>
          <View className='toggle__knob' />
        </View>
      </View>

      <ErrorNote id='poll-form-error' message={error} />
      <View id='poll-submit' className={busy ? 'btn btn--disabled' : 'btn'} onClick={submit}>
        发起投票
      </View>
    </PageRoot>
  );
}
