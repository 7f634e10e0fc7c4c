export default definePageConfig({ navigationBarTitleText: '到会情况', enablePullDownRefresh: true })
