import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { shanghaiLocalYear, type VolunteerActivityView, type VolunteerCommunityFiguresView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { VOLUNTEER_PATHS, volunteersApi } from '../../../services/volunteers-api';
import { VolunteerActivityCard } from '../common/activity-card';
import { CommunityPicker } from '../common/community-picker';
import { downloadVolunteerExport } from '../common/export-download';
import { volunteerExportFileName, type VolunteerExportKind } from '../common/export-file';
import { useVolunteerScope } from '../common/use-volunteer-scope';
import '../common/volunteer.css';

function Figures({ figures }: { figures: VolunteerCommunityFiguresView }) {
  const rows = figures.months.filter((m) => m.activitiesHeld || m.participants || m.hours || m.partyMembersCheckedIn || m.organizationsCheckedIn);
  return (
    <View id='volunteer-figures' className='card'>
      <Text className='card__title'>{figures.year}年志愿服务统计</Text>
      <View className='vol-table-row'>
        <Text className='vol-cell'>月份</Text>
        <Text className='vol-cell'>报到党员</Text>
        <Text className='vol-cell'>活动</Text>
        <Text className='vol-cell'>人次</Text>
        <Text className='vol-cell'>时长</Text>
      </View>
      {rows.map((m) => (
        <View key={m.month} className={`vol-table-row volunteer-figures-${m.month}`}>
          <Text className='vol-cell'>{m.month.slice(5)}月</Text>
          <Text className='vol-cell'>{m.partyMembersCheckedIn}</Text>
          <Text className='vol-cell'>{m.activitiesHeld}</Text>
          <Text className='vol-cell'>{m.participants}</Text>
          <Text className='vol-cell'>{m.hours}</Text>
        </View>
      ))}
      <View id='volunteer-figures-total' className='vol-table-row'>
        <Text className='vol-cell'>全年</Text>
        <Text className='vol-cell'>{figures.totals.partyMembersCheckedIn}</Text>
        <Text className='vol-cell'>{figures.totals.activitiesHeld}</Text>
        <Text className='vol-cell'>{figures.totals.participants}</Text>
        <Text className='vol-cell'>{figures.totals.hours}</Text>
      </View>
      <Text className='vol-meta'>报到党组织：{figures.totals.organizationsCheckedIn} 个；时长单位：小时（已认定）。</Text>
    </View>
  );
}

/** 活动管理: the committee's or branch's activities, publishing, monthly figures and the community export. */
export default function VolunteerManage() {
  const current = useSession();
  const scope = useVolunteerScope(current?.user ?? null);
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [activities, setActivities] = useState<VolunteerActivityView[] | null>(null);
  const [figures, setFigures] = useState<VolunteerCommunityFiguresView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (communityId === null && scope.organising.length) setCommunityId(scope.organising[0].id);
  }, [scope.organising]);

  const load = () => {
    if (communityId === null) return;
    setError(null);
    volunteersApi.activities(communityId).then(setActivities).catch((err) => setError(errorMessage(err)));
    if (scope.reading.some((c) => c.id === communityId)) {
      volunteersApi.figures(communityId, shanghaiLocalYear(new Date())).then(setFigures).catch(() => setFigures(null));
    }
  };
  useEffect(load, [communityId]);
  useDidShow(load);

  async function exportAs(kind: VolunteerExportKind) {
    if (communityId === null) return;
    const community = scope.communities.find((c) => c.id === communityId);
    try {
      await downloadVolunteerExport(VOLUNTEER_PATHS.communityRecordsExport(communityId, kind), kind, volunteerExportFileName(kind, community?.name ?? '', new Date()));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const now = new Date();
  return (
    <PageRoot id='volunteer-manage-page'>
      <Text className='hero'>活动管理</Text>
      <CommunityPicker communities={scope.organising} value={communityId} onChange={setCommunityId} />
      {scope.loaded && scope.organising.length === 0 && <Text className='muted'>只有社区居委会、党支部可以管理志愿活动。</Text>}
      <ErrorNote id='volunteer-manage-error' message={error ?? scope.error} />
      {communityId !== null && (
        <View id='volunteer-publish' className='btn' onClick={() => Taro.navigateTo({ url: `/pages/volunteers/publish/index?communityId=${communityId}` })}>
          发布志愿活动
        </View>
      )}
      {figures && <Figures figures={figures} />}
      {communityId !== null && scope.reading.some((c) => c.id === communityId) && (
        <View className='btn-pair'>
          <View id='volunteer-community-export-pdf' className='btn btn--ghost' onClick={() => exportAs('pdf')}>
            导出服务记录 PDF
          </View>
          <View id='volunteer-community-export-xlsx' className='btn btn--ghost' onClick={() => exportAs('xlsx')}>
            导出 Excel
          </View>
        </View>
      )}
      <Text className='section-title'>本社区活动</Text>
      {activities && activities.length === 0 && <Text className='muted'>还没有发布活动。</Text>}
      {activities?.map((a) => (
        <VolunteerActivityCard key={a.id} activity={a} now={now} url={`/pages/volunteers/attendance/index?id=${a.id}`} />
      ))}
    </PageRoot>
  );
}
