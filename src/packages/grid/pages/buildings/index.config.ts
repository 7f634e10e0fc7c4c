export default definePageConfig({ navigationBarTitleText: '我的楼栋', enablePullDownRefresh: true })
