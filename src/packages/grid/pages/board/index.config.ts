export default definePageConfig({ navigationBarTitleText: '网格派单台', enablePullDownRefresh: true })
