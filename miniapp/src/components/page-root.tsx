import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useLargeText } from '../hooks/use-large-text';

/** The root of every page: carries the design tokens and switches them to large text when asked. */
export function PageRoot({ id, children }: PropsWithChildren<{ id: string }>) {
  const large = useLargeText();
  return (
    <View id={id} className={large ? 'page page--large' : 'page'}>
      {children}
    </View>
  );
}
