export default definePageConfig({ navigationBarTitleText: '单位联络员注册' })
