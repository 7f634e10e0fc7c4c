export default definePageConfig({ navigationBarTitleText: '审核住户绑定', enablePullDownRefresh: true })
