export default definePageConfig({
  navigationBarTitleText: '基金台账',
})
