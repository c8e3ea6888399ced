export default definePageConfig({
  navigationBarTitleText: '参加单位',
})
