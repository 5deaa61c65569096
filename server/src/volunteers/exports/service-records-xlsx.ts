import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { shanghaiLocalDay, VolunteerServiceRecordView } from '@linli/shared';
import { ServiceRecordExportHeading, serviceRecordColumns } from './service-record-columns';

/**
 * Writes service records as an .xlsx sheet to `out` with exceljs' streaming writer: each row is committed
 * as it arrives, so memory stays flat however many records a community has. Hours are numbers, so the
 * committee can sum and filter them in Excel/WPS.
 */
export async function writeServiceRecordsXlsx(
  heading: ServiceRecordExportHeading,
  rows: AsyncIterable<VolunteerServiceRecordView> | Iterable<VolunteerServiceRecordView>,
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'linli';
  workbook.created = heading.generatedAt;
  const sheet = workbook.addWorksheet('志愿服务记录');
  const columns = serviceRecordColumns(heading.perPerson);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width + 2 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) sheet.addRow(columns.map((c) => c.value(row))).commit();
  sheet.commit();

  const summary = workbook.addWorksheet('汇总');
  summary.addRow([heading.title]).commit();
  for (const line of heading.lines) summary.addRow([line]).commit();
  summary.addRow(['已认定服务条数', heading.totals.records]).commit();
  summary.addRow(['已认定服务时长(小时)', heading.totals.hours]).commit();
  if (heading.perPerson) summary.addRow(['服务人数', heading.totals.people]).commit();
  summary.addRow(['导出日期', shanghaiLocalDay(heading.generatedAt)]).commit();
  summary.commit();
  await workbook.commit();
}
