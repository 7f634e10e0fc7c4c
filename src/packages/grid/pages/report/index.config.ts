export default definePageConfig({ navigationBarTitleText: '上报网格事件' })
