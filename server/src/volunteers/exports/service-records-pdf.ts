import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { shanghaiLocalDay, VolunteerServiceRecordView } from '@linli/shared';
import { loadCjkFont } from './cjk-font';
import { ServiceRecordExportHeading, serviceRecordColumns } from './service-record-columns';

const MARGIN = 40;
const ROW_PADDING = 4;
const FONT_SIZE = 9;

/**
 * Writes a printable A4 PDF of service records to `out` as the rows arrive: pdfkit flushes each finished
 * page to the stream, so a community's whole history never sits in memory. Chinese is set in the embedded
 * CJK font (subsetted to the glyphs used). Resolves when the last byte is written.
 */
export async function writeServiceRecordsPdf(
  heading: ServiceRecordExportHeading,
  rows: AsyncIterable<VolunteerServiceRecordView> | Iterable<VolunteerServiceRecordView>,
  out: Writable,
): Promise<void> {
  const font = loadCjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: false, info: { Title: heading.title, Producer: 'linli' } });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('cjk', font.data, font.family);
  doc.font('cjk');

  doc.fontSize(16).text(heading.title, { align: 'center' });
  doc.moveDown(0.5).fontSize(10);
  for (const line of heading.lines) doc.text(line);
  doc.text(`已认定服务：${heading.totals.records} 条，合计 ${heading.totals.hours} 小时${heading.perPerson ? `，${heading.totals.people} 人` : ''}`);
  doc.text(`导出时间：${shanghaiLocalDay(heading.generatedAt)}`);
  doc.moveDown(0.5);

  const columns = serviceRecordColumns(heading.perPerson);
  const usable = doc.page.width - MARGIN * 2;
  const unit = usable / columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => c.width * unit);
  doc.fontSize(FONT_SIZE);

  const drawRow = (cells: string[], bold: boolean) => {
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i] - ROW_PADDING * 2 }))) + ROW_PADDING * 2;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      if (!bold) drawRow(columns.map((c) => c.header), true);
    }
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((text, i) => {
      if (bold) doc.rect(x, top, widths[i], height).fillAndStroke('#eeeeee', '#999999').fillColor('#000000');
      else doc.rect(x, top, widths[i], height).stroke('#999999');
      doc.text(text, x + ROW_PADDING, top + ROW_PADDING, { width: widths[i] - ROW_PADDING * 2 });
      x += widths[i];
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };

  drawRow(columns.map((c) => c.header), true);
  let count = 0;
  for await (const row of rows) {
    drawRow(columns.map((c) => String(c.value(row))), false);
    count++;
  }
  if (count === 0) doc.moveDown().text('暂无服务记录');
  doc.end();
  await finished;
}
