export default definePageConfig({ navigationBarTitleText: '我的整改事项', enablePullDownRefresh: true })
