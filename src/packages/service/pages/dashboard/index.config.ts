export default definePageConfig({ navigationBarTitleText: '双报到工作台', enablePullDownRefresh: true })
