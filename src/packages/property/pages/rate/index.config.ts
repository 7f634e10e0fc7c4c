export default definePageConfig({ navigationBarTitleText: '给物业打分' })
