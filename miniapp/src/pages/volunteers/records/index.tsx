import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { VOLUNTEER_SERVICE_RECORD_STATUS_LABELS, type VolunteerServiceHistoryView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { VOLUNTEER_PATHS, volunteersApi } from '../../../services/volunteers-api';
import { downloadVolunteerExport } from '../common/export-download';
import { volunteerExportFileName, type VolunteerExportKind } from '../common/export-file';
import { shanghaiDateValue } from '../common/shanghai-time';
import '../common/volunteer.css';

const STATUS_TAG = { pending: 'vol-tag vol-tag--warn', certified: 'vol-tag vol-tag--ok', rejected: 'vol-tag vol-tag--off' } as const;

/** The certificate fields (name, ID number, work unit) the exports print. The ID number is only ever shown masked. */
function ProfileForm({ defaultName }: { defaultName: string }) {
  const [open, setOpen] = useState(false);
  const [realName, setRealName] = useState(defaultName);
  const [idNumber, setIdNumber] = useState('');
  const [organizationName, setOrganizationName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setError(null);
    try {
      const profile = await volunteersApi.saveProfile({ realName: realName.trim(), idNumber: idNumber.trim() || null, organizationName: organizationName.trim() || null });
      setSaved(`${profile.realName} · ${profile.idNumberMasked || '未填身份证号'}${profile.organizationName ? ` · ${profile.organizationName}` : ''}`);
      setIdNumber('');
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (!open) {
    return (
      <View className='card'>
        <Text className='card__title'>证明信息</Text>
        <Text id='volunteer-profile-saved' className='muted'>
          {saved ?? '导出的服务证明上印有姓名、身份证号（部分隐藏）和工作单位。'}
        </Text>
        <View id='volunteer-profile-edit' className='btn btn--ghost btn--small' onClick={() => setOpen(true)}>
          填写 / 修改
        </View>
      </View>
    );
  }
  return (
    <View className='card'>
      <Text className='card__title'>证明信息</Text>
      <View className='field'>
        <Text className='field__label'>姓名</Text>
        <Input id='volunteer-profile-realName' className='field__input' value={realName} onInput={(e) => setRealName(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>身份证号（选填）</Text>
        <Input id='volunteer-profile-idNumber' className='field__input' type='idcard' value={idNumber} placeholder='仅用于服务证明，显示时隐藏中间部分' onInput={(e) => setIdNumber(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>工作单位 / 党组织（选填）</Text>
        <Input id='volunteer-profile-organization' className='field__input' value={organizationName} onInput={(e) => setOrganizationName(e.detail.value)} />
      </View>
      <ErrorNote message={error} />
      <View id='volunteer-profile-save' className='btn' onClick={save}>
        保存
      </View>
    </View>
  );
}

/** 我的服务记录: every record with its status, certified totals by year, month and theme, and the PDF/Excel export. */
export default function VolunteerRecords() {
  const current = useSession();
  const [history, setHistory] = useState<VolunteerServiceHistoryView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<VolunteerExportKind | null>(null);

  useDidShow(() => {
    if (!current) return;
    setError(null);
    volunteersApi.myRecords().then(setHistory).catch((err) => setError(errorMessage(err)));
  });

  async function exportAs(kind: VolunteerExportKind) {
    if (!current || exporting) return;
    setExporting(kind);
    setError(null);
    try {
      await downloadVolunteerExport(VOLUNTEER_PATHS.myRecordsExport(kind), kind, volunteerExportFileName(kind, current.user.name, new Date()));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setExporting(null);
    }
  }

  if (!current) {
    return (
      <PageRoot id='volunteer-records-page'>
        <Text className='hero'>服务记录</Text>
        <View className='card'>
          <Text className='muted'>登录后查看志愿服务记录。</Text>
          <View className='btn' onClick={() => Taro.navigateTo({ url: '/pages/auth/login/index' })}>
            登录
          </View>
        </View>
      </PageRoot>
    );
  }

  return (
    <PageRoot id='volunteer-records-page'>
      <Text className='hero'>我的服务记录</Text>
      <ErrorNote id='volunteer-records-error' message={error} />
      {history && (
        <View id='volunteer-totals' className='card'>
          <View className='vol-stats'>
            <View className='vol-stat'>
              <Text id='volunteer-total-hours' className='vol-figure'>
                {history.totals.hours}
              </Text>
              <Text className='vol-meta'>累计时长（小时）</Text>
            </View>
            <View className='vol-stat'>
              <Text id='volunteer-total-activities' className='vol-figure'>
                {history.totals.activities}
              </Text>
              <Text className='vol-meta'>参加活动（场）</Text>
            </View>
          </View>
          <Text className='vol-meta'>只统计组织方已认定的服务。</Text>
        </View>
      )}

      <View className='btn-pair'>
        <View id='volunteer-export-pdf' className={exporting ? 'btn btn--disabled' : 'btn'} onClick={() => exportAs('pdf')}>
          {exporting === 'pdf' ? '正在导出…' : '导出 PDF 证明'}
        </View>
        <View id='volunteer-export-xlsx' className={exporting ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'} onClick={() => exportAs('xlsx')}>
          {exporting === 'xlsx' ? '正在导出…' : '导出 Excel'}
        </View>
      </View>

      {history && history.byYear.length > 0 && (
        <View id='volunteer-by-period' className='card'>
          <Text className='card__title'>按年度 / 月份</Text>
          {history.byYear.map((y) => (
            <View key={y.period} className='vol-line'>
              <Text>{y.period}年</Text>
              <Text>
                {y.hours} 小时 · {y.activities} 场
              </Text>
            </View>
          ))}
          {history.byMonth.map((m) => (
            <View key={m.period} className={`vol-line volunteer-month-${m.period}`}>
              <Text className='muted-inline'>{m.period}</Text>
              <Text className='muted-inline'>{m.hours} 小时</Text>
            </View>
          ))}
        </View>
      )}
      {history && history.byTheme.length > 0 && (
        <View id='volunteer-by-theme' className='card'>
          <Text className='card__title'>按服务类别</Text>
          {history.byTheme.map((t) => (
            <View key={t.themeCode} className={`vol-line volunteer-theme-${t.themeCode}`}>
              <Text>{t.label}</Text>
              <Text>{t.hours} 小时</Text>
            </View>
          ))}
        </View>
      )}

      <Text className='section-title'>服务明细</Text>
      {history && history.records.length === 0 && (
        <View id='volunteer-records-empty' className='card'>
          <Text className='muted'>还没有服务记录。参加活动并签到、签退后，这里会出现记录。</Text>
        </View>
      )}
      {history?.records.map((r) => (
        <View key={r.id} id={`volunteer-record-${r.id}`} className='card volunteer-record'>
          <View>
            <Text className={`${STATUS_TAG[r.status]} volunteer-record-status-${r.status}`}>{VOLUNTEER_SERVICE_RECORD_STATUS_LABELS[r.status]}</Text>
            <Text className='vol-tag'>{r.themeLabel}</Text>
          </View>
          <Text className='card__title'>{r.activityTitle}</Text>
          <Text className='vol-meta'>
            {shanghaiDateValue(r.servedAt)} · {r.hours} 小时 · {r.certifyingOrganization}
          </Text>
        </View>
      ))}

      <ProfileForm defaultName={current.user.name} />
    </PageRoot>
  );
}
