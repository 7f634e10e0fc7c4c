export default definePageConfig({ navigationBarTitleText: '评价物业', enablePullDownRefresh: true })
