/**
 * Where the API lives. The H5 build is served by the API server itself, so it calls same-origin /api;
 * the weapp has no origin of its own and uses the build-time TARO_APP_API_BASE.
 */
export function apiBaseUrl(platform: string | undefined, configured: string | undefined): string {
  if (platform === 'h5') return '';
  return configured || 'http://127.0.0.1:3000';
}
