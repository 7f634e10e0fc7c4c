/// <reference types="@tarojs/taro" />

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro is building for; branches on it are removed from the other build. */
    TARO_ENV?: 'weapp' | 'h5' | string
  }
}
