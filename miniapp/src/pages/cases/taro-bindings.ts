import Taro from '@tarojs/taro';
import { apiBaseUrl } from '../../services/api-base';
import { session } from '../../services';
import { createRealtimeClient, taroWebSocketTransport } from '../../services/realtime-client';

const baseUrl = apiBaseUrl(process.env.TARO_ENV, process.env.TARO_APP_API_BASE);

/** One live connection for all case pages; it reads the current token at every (re)connect. */
export const caseLive = createRealtimeClient({
  baseUrl,
  token: () => session.token(),
  transports:
    process.env.TARO_ENV === 'weapp'
      ? [taroWebSocketTransport(Taro.connectSocket as unknown as Parameters<typeof taroWebSocketTransport>[0])]
      : undefined,
});
