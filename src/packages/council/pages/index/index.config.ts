export default definePageConfig({ navigationBarTitleText: '红色议事会', enablePullDownRefresh: true })
