export default definePageConfig({ navigationBarTitleText: '网格统计', enablePullDownRefresh: true })
