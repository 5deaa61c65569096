import { Text } from '@tarojs/components';
import type { CaseStatus } from '@linli/shared';

export function CaseStatusBadge({ id, status, label }: { id?: string; status: CaseStatus; label: string }) {
  return (
    <Text id={id} className={`case-status case-status--${status} case-status-${status}`}>
      {label}
    </Text>
  );
}
