export default definePageConfig({
  navigationBarTitleText: '履约确认书',
  enableShareAppMessage: true,
})
