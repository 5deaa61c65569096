import { VOLUNTEER_SERVICE_RECORD_STATUS_LABELS, VolunteerServiceRecordView } from '@linli/shared';
import { shanghaiLocalDay } from '@linli/shared';

/** One column of the service-record exports; the PDF and the Excel sheet print the same columns. */
export interface ServiceRecordColumn {
  header: string;
  /** Relative width (PDF points share; Excel character width). */
  width: number;
  value: (row: VolunteerServiceRecordView) => string | number;
  /** Only in the committee's export, where rows belong to many people. */
  perPerson?: boolean;
}

export const SERVICE_RECORD_COLUMNS: ServiceRecordColumn[] = [
  { header: '姓名', width: 10, value: (r) => r.volunteerName, perPerson: true },
  { header: '身份证号', width: 20, value: (r) => r.idNumberMasked, perPerson: true },
  { header: '服务日期', width: 12, value: (r) => shanghaiLocalDay(new Date(r.servedAt)) },
  { header: '活动名称', width: 28, value: (r) => r.activityTitle },
  { header: '服务类别', width: 10, value: (r) => r.themeLabel },
  { header: '时长(小时)', width: 10, value: (r) => r.hours },
  { header: '状态', width: 8, value: (r) => VOLUNTEER_SERVICE_RECORD_STATUS_LABELS[r.status] },
  { header: '认定组织', width: 22, value: (r) => r.certifyingOrganization },
];

export function serviceRecordColumns(perPerson: boolean): ServiceRecordColumn[] {
  return SERVICE_RECORD_COLUMNS.filter((c) => perPerson || !c.perPerson);
}

/** What heads an export: who or which community it is for, and the certified totals. */
export interface ServiceRecordExportHeading {
  title: string;
  /** Lines under the title (name, masked ID and organisation for a person; the community for a committee). */
  lines: string[];
  totals: { hours: number; records: number; people: number };
  /** Whether rows belong to different people (adds name and ID columns). */
  perPerson: boolean;
  generatedAt: Date;
}
