export default definePageConfig({ navigationBarTitleText: '超期事项', enablePullDownRefresh: true })
