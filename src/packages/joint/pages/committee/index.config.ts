export default definePageConfig({ navigationBarTitleText: '大党委', enablePullDownRefresh: true })
