import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { SizeReportPlugin } from './size-report'

/** Taro build config. weapp → dist/, h5 → dist-h5/. Persistent cache only when TARO_CACHE=1. */
export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  // The shared contract (types/) lives outside src and must go through the same TS/Babel loaders.
  const compile = { include: [path.resolve(__dirname, '..', 'types')] }
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'tongxinyuan',
    date: '2025-01-01',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // The contract's schemas on a small build of zod (src/services/zod-lite.ts; same checks and
    // messages, tested): the cloud functions and the tests keep zod itself.
    alias: { zod$: path.resolve(__dirname, '..', 'src', 'services', 'zod-lite.ts') },
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: process.env.TARO_CACHE === '1' },
    mini: {
      compile,
      // optimizeMainPackage stays at Taro's default (enabled): subpackage-only code stays out of main.
      // Shared component styles are imported in different orders by different pages; order does not matter here.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        if (process.env.SIZE_REPORT)
          chain.plugin('size-report').use(SizeReportPlugin, [path.resolve(process.env.SIZE_REPORT)])
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      // Taro splits only initial chunks; pages are async chunks, so without this every page would carry
      // its own copy of zod and the shared components.
      webpackChain(chain) {
        const split = chain.optimization.get('splitChunks')
        if (split) chain.optimization.splitChunks({ ...split, chunks: 'all' })
        chain.performance.hints(false)
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
