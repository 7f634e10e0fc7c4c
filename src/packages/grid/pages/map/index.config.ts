export default definePageConfig({ navigationBarTitleText: '事件分布', enablePullDownRefresh: true })
