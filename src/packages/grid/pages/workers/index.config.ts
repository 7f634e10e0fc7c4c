export default definePageConfig({ navigationBarTitleText: '网格员工作记录', enablePullDownRefresh: true })
