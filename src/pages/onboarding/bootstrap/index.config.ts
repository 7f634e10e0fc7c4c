export default definePageConfig({ navigationBarTitleText: '认领街道' })
