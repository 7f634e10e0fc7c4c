export default definePageConfig({ navigationBarTitleText: '到会情况' })
