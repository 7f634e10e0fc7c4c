export default definePageConfig({ navigationBarTitleText: '我的议事事项', enablePullDownRefresh: true })
