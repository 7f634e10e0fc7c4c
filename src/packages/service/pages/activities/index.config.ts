export default definePageConfig({ navigationBarTitleText: '服务活动' })
