import { shanghaiLocalDay } from '@linli/shared';

export type VolunteerExportKind = 'pdf' | 'xlsx';

export const VOLUNTEER_EXPORT_MIME: Record<VolunteerExportKind, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** "志愿服务记录-李淑俊-2026-11-23.pdf": what the saved file is called (the server's name is not readable on every client). */
export function volunteerExportFileName(kind: VolunteerExportKind, subject: string, now: Date): string {
  const cleaned = subject.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30);
  return `志愿服务记录-${cleaned ? `${cleaned}-` : ''}${shanghaiLocalDay(now)}.${kind}`;
}
