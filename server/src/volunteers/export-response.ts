import type { Response } from 'express';
import { ApiException } from '../common/api-exception';
import { CjkFontMissingError, loadCjkFont } from './exports/cjk-font';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Headers for a download whose Chinese file name survives every browser and the WeChat web view. */
export function startDownload(res: Response, mime: string, fileName: string): void {
  res.status(200);
  res.setHeader('Content-Type', mime);
  res.setHeader('Content-Disposition', `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('Cache-Control', 'private, no-store');
}

/** Checks the PDF font before any header is sent, so a missing font is a proper error body, not a broken file. */
export function ensurePdfFont(): void {
  try {
    loadCjkFont();
  } catch (error) {
    if (error instanceof CjkFontMissingError) throw new ApiException(500, 'internal_error', '服务器缺少中文字体，暂时无法导出 PDF，请联系管理员', { reason: error.message });
    throw error;
  }
}
