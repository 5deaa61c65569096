import { ApiClient } from './api-client';
import { apiBaseUrl } from './api-base';
import { LargeTextPreference } from './large-text';
import { SessionStore } from './session';
import { taroStorage, taroTransport } from './taro-adapters';

/** The app's single instances; pages import these, tests build their own from the classes. */
export const session = new SessionStore(taroStorage);
export const api = new ApiClient({
  baseUrl: apiBaseUrl(process.env.TARO_ENV, process.env.TARO_APP_API_BASE),
  transport: taroTransport,
  session,
});
export const largeText = new LargeTextPreference(taroStorage);

export { ApiError, errorMessage } from './api-error';
export type { Session } from './session';
