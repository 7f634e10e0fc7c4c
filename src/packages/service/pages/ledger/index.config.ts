export default definePageConfig({ navigationBarTitleText: '服务台账', enablePullDownRefresh: true })
