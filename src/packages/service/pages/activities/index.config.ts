export default definePageConfig({ navigationBarTitleText: '服务活动', enablePullDownRefresh: true })
