import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import { ApiException } from '../common/api-exception';
import { CjkFontMissingError, loadCjkFont } from './exports/cjk-font';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Takes the response over for a streamed download (the PDF and Excel writers write to the socket as they go)
 * and sets headers whose Chinese file name survives every browser and the WeChat web view.
 */
export function startDownload(reply: FastifyReply, mime: string, fileName: string): ServerResponse {
  reply.hijack();
  const res = reply.raw;
  // Headers set on the reply so far (CORS among them) are only written by Fastify's send, which a hijacked reply skips.
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
  res.statusCode = 200;
  res.setHeader('Content-Type', mime);
  res.setHeader('Content-Disposition', `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('Cache-Control', 'private, no-store');
  return res;
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
