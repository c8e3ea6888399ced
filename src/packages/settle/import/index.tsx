import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Button } from '@/components/ui'
import { PrivacyPopup } from '@/components/privacy-popup'
import { useSession } from '@/features/session'
import { ImportResult, useSettlementImport } from '@/features/settlements'
import { openFileUrl, pickSpreadsheet } from '@/features/enrolment/file-io'
import '@/features/enrolment/enrol.scss'
import '@/features/settlements/settlements.scss'
import { withPageFrame } from '@/features/large-font'

const COLUMNS = '身份证号码、姓名、险种（职工医保/城乡居民医保）、医院名称、医院编码、是否定点、入院日期、出院日期、医疗总费用、统筹基金支付、个人自负、个人自理、结算日期、结算流水号'

/** 医保结算导入 (免申即享): the office or an agent imports the bureau's inpatient settlements and reads the outcome. */
function SettlementImportPage() {
  const session = useSession()
  const openid = session.status === 'ready' ? session.whoami.openid : null
  const model = useSettlementImport(openid, { pickSpreadsheet, openFileUrl })
  if (session.status === 'loading') return <PageState status="loading" />
  if (session.status === 'error') return <PageState status="error" message={session.error.message} />
  return (
    <View className="enrol-page settle-page">
      <PrivacyPopup />
      <View className="enrol-card">
        <Text className="enrol-card__title">医保住院结算导入（免申即享）</Text>
        <Text className="enrol-card__line">
          导入医保部门的住院结算明细，系统按身份证号码匹配台州住院医疗互助参加人、按规则计算补助，并通知职工确认领取。
        </Text>
        <Text className="settle-columns">文件列：{COLUMNS}。</Text>
        <Text className="settle-columns">有错误的文件不会导入任何数据；同一文件或同一结算流水号重复导入不会重复生成补助。导入完成后上传的文件即被删除。</Text>
      </View>
      <View className="enrol-actions">
        <Button theme="primary" loading={Boolean(model.progress)} onClick={model.pickAndImport}>
          {model.progress ?? '选择结算文件并导入'}
        </Button>
        <Button variant="outline" theme="primary" onClick={model.downloadTemplate}>
          下载模板
        </Button>
      </View>
      {model.error ? <View className="enrol-notice enrol-notice--error">{model.error}</View> : null}
      {model.result ? <ImportResult result={model.result} fileName={model.fileName} /> : null}
    </View>
  )
}

export default withPageFrame(SettlementImportPage)
