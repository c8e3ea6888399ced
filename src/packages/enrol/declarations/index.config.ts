export default definePageConfig({
  navigationBarTitleText: '申报记录',
})
