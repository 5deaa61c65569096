import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CaseMineItem } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { session, errorMessage } from '../../../services';
import { casesApi } from '../../../services/cases-api';
import { CaseRow } from '../case-row';
import '../../report/report.css';

export default function MyCases() {
  const [items, setItems] = useState<CaseMineItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    casesApi.mine({ pageSize: 50 }).then(
      (page) => setItems(page.items),
      (err) => setError(errorMessage(err)),
    );
  }, []);

  // Load on opening, and re-read on coming back: a case may have moved while its page was open.
  useEffect(() => {
    if (session.token()) load();
  }, [load]);
  const opened = useRef(false);
  useDidShow(() => {
    if (opened.current && session.token()) load();
    opened.current = true;
  });

  return (
    <PageRoot id='cases-mine-page'>
      <Text className='hero'>我的反映</Text>
      <ErrorNote id='cases-mine-error' message={error} />
      {items && items.length === 0 && (
        <View id='cases-mine-empty' className='card'>
          <Text className='muted'>还没有反映过问题。</Text>
          <View className='btn' onClick={() => Taro.switchTab({ url: '/pages/report/index' })}>
            去随手拍
          </View>
        </View>
      )}
      {items && items.length > 0 && (
        <View id='cases-mine-list' className='card'>
          {items.map((item) => (
            <CaseRow key={item.id} item={item} prefix='case-item' extra={item.view === 'public' ? '我也遇到' : undefined} />
          ))}
        </View>
      )}
    </PageRoot>
  );
}
