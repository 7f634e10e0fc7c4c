export default definePageConfig({ navigationBarTitleText: '网格事件待办', enablePullDownRefresh: true })
