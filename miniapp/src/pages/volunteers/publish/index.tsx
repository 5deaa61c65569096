import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { VOLUNTEER_THEMES, type VolunteerCheckMethod } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../services';
import { volunteersApi } from '../../../services/volunteers-api';
import { currentVolunteerPosition } from '../common/device';
import {
  EMPTY_VOLUNTEER_ACTIVITY_FORM,
  endsNextDay,
  toVolunteerActivityEdit,
  toVolunteerActivityInput,
  volunteerActivityFormFrom,
  type VolunteerActivityFormErrors,
  type VolunteerActivityFormState,
} from './activity-form';
import '../common/volunteer.css';

const METHOD_LABELS: Record<VolunteerCheckMethod, string> = { qr: '扫码签到', location: '定位签到' };

/**
 * 发布志愿活动: theme, time, place (with the check-in radius when location counts) and how many people.
 * With `?edit=<id>` the organiser corrects a published activity before it starts; capacity and check
 * methods are not edited here (capacity has its own control on the attendance page).
 */
export default function VolunteerPublish() {
  const router = useRouter();
  const communityId = Number(router.params.communityId);
  const editId = router.params.edit ? Number(router.params.edit) : null;
  const [form, setForm] = useState<VolunteerActivityFormState>(EMPTY_VOLUNTEER_ACTIVITY_FORM);
  const [errors, setErrors] = useState<VolunteerActivityFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<VolunteerActivityFormState>) => setForm((f) => ({ ...f, ...patch }));

  useEffect(() => {
    if (editId === null) return;
    volunteersApi
      .activity(editId)
      .then((activity) => setForm(volunteerActivityFormFrom(activity)))
      .catch((err) => setError(errorMessage(err)));
  }, [editId]);

  async function locate() {
    const position = await currentVolunteerPosition();
    if (!position) {
      setError('无法获取定位，请在活动地点打开定位后重试');
      return;
    }
    update({ lng: position.lng.toFixed(6), lat: position.lat.toFixed(6), radiusMeters: form.radiusMeters || '200' });
  }

  async function submitEdit(id: number) {
    const { input, errors: found } = toVolunteerActivityEdit(form);
    setErrors(found);
    setError(null);
    if (!input) return;
    setBusy(true);
    try {
      await volunteersApi.editActivity(id, input);
      Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => Taro.redirectTo({ url: `/pages/volunteers/activity/index?id=${id}` }), 600);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    if (busy) return;
    if (editId !== null) return submitEdit(editId);
    const { input, errors: found } = toVolunteerActivityInput(form);
    setErrors(found);
    setError(null);
    if (!input) return;
    setBusy(true);
    try {
      const activity = await volunteersApi.publish(communityId, input);
      Taro.showToast({ title: '已发布', icon: 'success' });
      setTimeout(() => Taro.redirectTo({ url: `/pages/volunteers/attendance/index?id=${activity.id}` }), 600);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const text = (key: 'title' | 'placeName' | 'capacity', label: string, placeholder: string, type?: 'number') => (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Input id={`publish-${key}`} className='field__input' type={type ?? 'text'} value={form[key]} placeholder={placeholder} onInput={(e) => update({ [key]: e.detail.value })} />
      {errors[key] && <Text className='field__error'>{errors[key]}</Text>}
    </View>
  );

  return (
    <PageRoot id='volunteer-publish-page'>
      <Text className='hero'>{editId === null ? '发布志愿活动' : '修改志愿活动'}</Text>
      {text('title', '活动主题', '如：楼道杂物清理')}
      <View className='field'>
        <Text className='field__label'>服务类别</Text>
        <View className='choices'>
          {VOLUNTEER_THEMES.map((t) => (
            <View key={t.code} id={`publish-theme-${t.code}`} className={t.code === form.themeCode ? 'choice choice--on' : 'choice'} onClick={() => update({ themeCode: t.code })}>
              {t.label}
            </View>
          ))}
        </View>
        {errors.themeCode && <Text className='field__error'>{errors.themeCode}</Text>}
      </View>
      <View className='field'>
        <Text className='field__label'>日期与时间</Text>
        <Picker mode='date' value={form.date} onChange={(e) => update({ date: String(e.detail.value) })}>
          <View id='publish-date' className='field__input'>
            {form.date || '选择日期'}
          </View>
        </Picker>
        <View className='btn-pair'>
          <Picker mode='time' value={form.startTime} onChange={(e) => update({ startTime: String(e.detail.value) })}>
            <View id='publish-start' className='field__input'>
              开始 {form.startTime}
            </View>
          </Picker>
          <Picker mode='time' value={form.endTime} onChange={(e) => update({ endTime: String(e.detail.value) })}>
            <View id='publish-end' className='field__input'>
              结束 {endsNextDay(form) ? `次日 ${form.endTime}` : form.endTime}
            </View>
          </Picker>
        </View>
        {(errors.date || errors.endTime) && <Text className='field__error'>{errors.date ?? errors.endTime}</Text>}
      </View>
      {text('placeName', '活动地点', '如：小北社区党群服务中心门口')}
      {editId === null && text('capacity', '招募人数', '不填则不限人数，满员后进入候补', 'number')}
      {editId === null && (
      <View className='field'>
        <Text className='field__label'>签到方式</Text>
        <View className='choices'>
          {(['qr', 'location'] as const).map((m) => (
            <View
              key={m}
              id={`publish-method-${m}`}
              className={form.checkMethods.includes(m) ? 'choice choice--on' : 'choice'}
              onClick={() => update({ checkMethods: form.checkMethods.includes(m) ? form.checkMethods.filter((x) => x !== m) : [...form.checkMethods, m] })}
            >
              {METHOD_LABELS[m]}
            </View>
          ))}
        </View>
        {errors.checkMethods && <Text className='field__error'>{errors.checkMethods}</Text>}
      </View>
      )}
      {form.checkMethods.includes('location') && (
        <View className='field'>
          <Text className='field__label'>活动地点坐标与签到范围</Text>
          <Text className='muted'>{form.lng ? `经度 ${form.lng}，纬度 ${form.lat}` : '请在活动地点点击下方按钮获取坐标'}</Text>
          <View id='publish-locate' className='btn btn--ghost btn--small' onClick={locate}>
            使用当前位置
          </View>
          <Input id='publish-radiusMeters' className='field__input' type='number' value={form.radiusMeters} placeholder='签到范围（米），默认200' onInput={(e) => update({ radiusMeters: e.detail.value })} />
          {(errors.lng || errors.radiusMeters) && <Text className='field__error'>{errors.lng ?? errors.radiusMeters}</Text>}
        </View>
      )}
      <View className='field'>
        <Text className='field__label'>活动说明（选填）</Text>
        <Textarea id='publish-description' className='vol-textarea' value={form.description} onInput={(e) => update({ description: e.detail.value })} />
      </View>
      <View className='field'>
        <Text className='field__label'>参加要求（选填）</Text>
        <Input id='publish-requirements' className='field__input' value={form.requirements} placeholder='如：穿着志愿者马甲，自备手套' onInput={(e) => update({ requirements: e.detail.value })} />
      </View>
      <ErrorNote id='publish-error' message={error} />
      <View id='publish-submit' className={busy ? 'btn btn--disabled' : 'btn'} onClick={submit}>
        {editId === null ? (busy ? '发布中…' : '发布') : busy ? '保存中…' : '保存修改'}
      </View>
    </PageRoot>
  );
}
