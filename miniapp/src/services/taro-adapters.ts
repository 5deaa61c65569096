import Taro from '@tarojs/taro';
import type { KeyValueStorage } from './session';
import type { Transport } from './api-client';

export const taroStorage: KeyValueStorage = {
  get: (key) => {
    try {
      return Taro.getStorageSync(key) || null;
    } catch {
      return null;
    }
  },
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
};

export const taroTransport: Transport = (request) =>
  new Promise((resolve, reject) => {
    Taro.request({
      url: request.url,
      method: request.method,
      header: request.headers,
      data: request.data as Record<string, unknown> | undefined,
      dataType: 'json',
      timeout: 15000,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: (err) => reject(err),
    });
  });
