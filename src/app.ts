import { type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { listenPrivacyAuthorization } from './services/privacy'
import './app.scss'

/** The app shell. In WeChat the cloud SDK is initialised once; the H5 build talks to the local runtime. */
function App({ children }: PropsWithChildren) {
  return children
}

if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ traceUser: true })
}
listenPrivacyAuthorization()

export default App
