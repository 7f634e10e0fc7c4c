export default definePageConfig({ navigationBarTitleText: '网格统计' })
