import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // The local server serves dist-h5 from the root; keep chunk names hashed for caching.
  },
} satisfies UserConfigExport<'webpack5'>
