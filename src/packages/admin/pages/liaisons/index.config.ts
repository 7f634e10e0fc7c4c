export default definePageConfig({ navigationBarTitleText: '审核单位联络员', enablePullDownRefresh: true })
