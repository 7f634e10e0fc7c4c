export default definePageConfig({ navigationBarTitleText: '大党委' })
