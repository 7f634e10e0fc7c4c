export default definePageConfig({ navigationBarTitleText: '身份切换' })
