/**
 * Service-record exports: 1,000 records written as the printable PDF (pdfkit with the embedded CJK font) and
 * as the Excel sheet (exceljs streaming writer), against a baseline measured in the same run: the same rows as
 * plain CSV. Reports wall time and the peak RSS above the level before each export. Throws if an export does
 * not read back with every record (PDF text, Excel rows).
 */
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import type { VolunteerServiceRecordView } from '@linli/shared';
import { VOLUNTEER_THEMES } from '@linli/shared';
import { loadCjkFont } from '../server/src/volunteers/exports/cjk-font';
import { ServiceRecordExportHeading, serviceRecordColumns } from '../server/src/volunteers/exports/service-record-columns';
import { writeServiceRecordsPdf } from '../server/src/volunteers/exports/service-records-pdf';
import { writeServiceRecordsXlsx } from '../server/src/volunteers/exports/service-records-xlsx';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string; numpages: number }>;

const RECORDS = 1000;
const SURNAMES = ['陈', '李', '黄', '张', '梁', '何', '欧阳', '麦'];
const GIVEN = ['志强', '美玲', '晓东', '嘉欣', '国华', '堃', '婉婷', '建军'];

function rows(): VolunteerServiceRecordView[] {
  const start = Date.UTC(2026, 0, 3, 1, 0, 0);
  return Array.from({ length: RECORDS }, (_, i) => {
    const theme = VOLUNTEER_THEMES[i % VOLUNTEER_THEMES.length];
    const minutes = 30 + ((i * 37) % 240);
    return {
      id: i + 1,
      activityId: 1 + (i % 97),
      activityTitle: `${theme.label}志愿活动第${1 + (i % 97)}场`,
      themeCode: theme.code,
      themeLabel: theme.label,
      volunteerName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}`,
      idNumberMasked: '4401**********' + String(1000 + (i % 9000)).padStart(4, '0'),
      organizationName: '越秀区某单位',
      servedAt: new Date(start + (i % 300) * 86_400_000).toISOString(),
      minutes,
      hours: Math.floor(minutes / 6) / 10,
      status: 'certified',
      certifyingOrganization: '登峰社区居民委员会',
      certifiedAt: null,
    };
  });
}

/** A sink that keeps the bytes (for checking) the way a response would receive them, chunk by chunk. */
class Collect extends Writable {
  chunks: Buffer[] = [];
  _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

async function* iterate(list: VolunteerServiceRecordView[]): AsyncGenerator<VolunteerServiceRecordView> {
  for (const row of list) yield row;
}

async function measure(label: string, work: (out: Collect) => Promise<void>): Promise<{ label: string; ms: number; peakRssMb: number; bytes: number; out: Collect }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  const out = new Collect();
  const started = process.hrtime.bigint();
  await work(out);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { label, ms, peakRssMb: (peak - before) / 1024 / 1024, bytes: out.bytes.length, out };
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export default async function run() {
  const data = rows();
  const heading: ServiceRecordExportHeading = {
    title: '登峰社区志愿服务记录',
    lines: ['社区：登峰社区'],
    totals: { hours: 0, records: RECORDS, people: 64 },
    perPerson: true,
    generatedAt: new Date(),
  };
  const columns = serviceRecordColumns(true);
  loadCjkFont(); // Loaded once per process in the server too; not part of an export's cost.

  const csv = await measure('CSV (baseline)', async (out) => {
    const lines = [columns.map((c) => csvCell(c.header)).join(',')];
    for await (const row of iterate(data)) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
    out.end(lines.join('\n'));
    await new Promise((resolve) => out.on('finish', resolve));
  });
  const xlsx = await measure('Excel (exceljs stream)', (out) => writeServiceRecordsXlsx(heading, iterate(data), out));
  const pdf = await measure('PDF (pdfkit + CJK font)', (out) => writeServiceRecordsPdf(heading, iterate(data), out));

  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as the older non-generic Buffer.
  await workbook.xlsx.load(xlsx.out.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheetRows = workbook.getWorksheet('志愿服务记录')!.rowCount - 1;
  if (sheetRows !== RECORDS) throw new Error(`Excel export has ${sheetRows} rows, expected ${RECORDS}`);
  const parsed = await pdfParse(pdf.out.bytes);
  const last = data[data.length - 1];
  if (!parsed.text.includes(last.activityTitle) || !parsed.text.includes(last.volunteerName)) {
    throw new Error('PDF export text lacks the last record');
  }
  const csvLines = csv.out.bytes.toString('utf8').split('\n').length - 1;
  if (csvLines !== RECORDS) throw new Error(`CSV has ${csvLines} rows`);

  const table = [csv, xlsx, pdf].map((r) => ({
    export: r.label,
    ms: Math.round(r.ms),
    'peak RSS +MB': Number(r.peakRssMb.toFixed(1)),
    KB: Math.round(r.bytes / 1024),
    'vs CSV': `${(r.ms / csv.ms).toFixed(1)}×`,
  }));
  process.stdout.write(`${RECORDS} records; PDF ${parsed.numpages} pages\n`);
  console.table(table);
  return { records: RECORDS, pdfPages: parsed.numpages, results: table };
}
