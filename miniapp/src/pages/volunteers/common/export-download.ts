import Taro from '@tarojs/taro';
import { apiBaseUrl } from '../../../services/api-base';
import { ApiError, session } from '../../../services';
import { toApiError } from '../../../services/api-error';
import { VOLUNTEER_EXPORT_MIME, type VolunteerExportKind } from './export-file';

/**
 * Downloads an export with the signed-in token. On H5 the file is fetched with the Authorization header and
 * handed to the browser as a blob link (a plain link cannot carry the token); on weapp it goes through
 * downloadFile and opens in the document viewer, from where it can be forwarded or printed.
 */
export async function downloadVolunteerExport(path: string, kind: VolunteerExportKind, fileName: string): Promise<void> {
  const token = session.token();
  if (!token) throw new ApiError({ statusCode: 401, error: 'unauthorized', message: '请先登录' });
  const url = `${apiBaseUrl(process.env.TARO_ENV, process.env.TARO_APP_API_BASE).replace(/\/+$/, '')}${path}`;

  if (process.env.TARO_ENV === 'h5') {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw toApiError(response.status, body);
    }
    const blob = new Blob([await response.arrayBuffer()], { type: VOLUNTEER_EXPORT_MIME[kind] });
    const href = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.download = fileName;
    anchor.style.display = 'none';
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
    return;
  }

  const result = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } });
  if (result.statusCode !== 200) throw toApiError(result.statusCode, null);
  await Taro.openDocument({ filePath: result.tempFilePath, fileType: kind, showMenu: true });
}
