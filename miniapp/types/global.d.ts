/// <reference types="@tarojs/taro" />

declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5' | string;
    /** API server for the weapp build (H5 uses same-origin /api). Set at build time. */
    TARO_APP_API_BASE?: string;
  }
}
