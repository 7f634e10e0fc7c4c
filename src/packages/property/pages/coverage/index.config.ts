export default definePageConfig({ navigationBarTitleText: '红色物业覆盖' })
