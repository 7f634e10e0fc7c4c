export default definePageConfig({ navigationBarTitleText: '人员任免', enablePullDownRefresh: true })
