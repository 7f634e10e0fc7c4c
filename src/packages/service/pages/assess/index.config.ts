export default definePageConfig({ navigationBarTitleText: '评议与反馈', enablePullDownRefresh: true })
