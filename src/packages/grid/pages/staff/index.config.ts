export default definePageConfig({ navigationBarTitleText: '网格人员', enablePullDownRefresh: true })
