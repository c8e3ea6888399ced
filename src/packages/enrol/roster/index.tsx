import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Button, CellGroup, DatePicker, Input, RadioGroup, Search, Tag, confirm, toast } from '@/components/ui'
import { uploadFile } from '@/services/cloud'
import { LoadMore } from '@/components/load-more'
import { usePagedLoad } from '@/services/use-load'
import { enrolmentPages, rosterApi, unitsApi } from '@/features/enrolment/api'
import { openFileUrl, pickSpreadsheet } from '@/features/enrolment/file-io'
import '@/features/enrolment/enrol.scss'
import { PERSON_STATUS_LABEL, isProcessing, type ImportResult, type RosterPerson } from '@mutual-aid/contracts'
import { STILL_PROCESSING, untilDone } from '@/services/until-done'
import { PrivacyPopup } from '@/components/privacy-popup'
import { withPageFrame } from '@/features/large-font'

const STATUS_THEME = { in_service: 'success', retired: 'default', left: 'warning' } as const

/** Last month as YYYY-MM from today's `YYYY-MM-DD` (the staff report is last month's, Art. 5). */
function lastMonth(today: string): string {
  const [y, m] = today.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** 职工名册: import from a file, add one by one, search, change status, file the staff report. */
function RosterPage() {
  const params = useRouter().params
  const [query, setQuery] = useState('')
  const [submitted, setSubmitted] = useState('')
  // Not again on coming back: the file picker hides the page, and an import's result stays on screen.
  const state = usePagedLoad(enrolmentPages.roster({ unitId: params.unitId, query: submitted || undefined }), [params.unitId, submitted], { refreshOnShow: false })
  const [panel, setPanel] = useState<'none' | 'add' | 'report'>('none')
  const [importing, setImporting] = useState<string | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [importError, setImportError] = useState('')
  const readOnly = Boolean(params.unitId)

  const doImport = async () => {
    setImportError('')
    setResult(null)
    const file = await pickSpreadsheet()
    if (!file) return
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setImportError('请选择 Excel（.xlsx）或 CSV 文件；.xls 旧格式请先另存为 .xlsx。')
    if (state.status !== 'ready') return
    const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase()
    try {
      setImporting('正在上传…')
      const { fileID } = await uploadFile({
        cloudPath: `roster-imports/${state.data.unit._id}/${Date.now()}${ext}`,
        filePath: file.filePath,
        onProgress: (p) => setImporting(`正在上传 ${p}%`),
      })
      setImporting('正在核对每一行…')
      // A large file is written over several calls: 处理中 with its progress until it is done.
      const answer = await untilDone(() => rosterApi.importFile(fileID), (p) => setImporting(p.message))
      if (!answer.ok) setImportError(answer.message)
      else if (isProcessing(answer.data)) {
        toast(`名册导入${STILL_PROCESSING}`, 'info')
        state.reload()
      } else {
        setResult(answer.data)
        if (answer.data.errorCount === 0) {
          toast(`导入完成：新增 ${answer.data.imported} 人`, 'success')
          state.reload()
        }
      }
    } catch (err) {
      setImportError(err instanceof Error && err.message ? err.message : '上传失败，请检查网络后重试。')
    } finally {
      setImporting(null)
    }
  }

  const downloadTemplate = async () => {
    const answer = await rosterApi.template()
    if (!answer.ok) return toast(answer.message, 'error')
    await openFileUrl(answer.data.url, '职工名册模板.xlsx')
  }

  const changeStatus = async (p: RosterPerson) => {
    if (readOnly) return
    const options = (['in_service', 'left', 'retired'] as const).filter((s) => s !== p.status)
    let tapIndex: number
    try {
      tapIndex = (await Taro.showActionSheet({ itemList: options.map((s) => `标记为${PERSON_STATUS_LABEL[s]}`) })).tapIndex
    } catch {
      return
    }
    const next = options[tapIndex]
    const ok = await confirm({ title: '更改人员状态', content: `将 ${p.name} 标记为“${PERSON_STATUS_LABEL[next]}”？本期已参加的保障不受影响（期中不得退保），下期续保时不再列入。` })
    if (!ok) return
    const answer = await rosterApi.setStatus({ personId: p._id, version: p.version, status: next })
    if (!answer.ok) return toast(answer.message, 'error')
    toast('已更新', 'success')
    state.reload()
  }

  if (state.status === 'loading') return <PageState status="loading" />
  if (state.status === 'error') return <PageState status="error" message={state.message} onRetry={state.reload} />
  const { unit, total, inService, items } = state.data

  return (
    <View className="enrol-page roster-page">
      <PrivacyPopup />
      <View className="enrol-card">
        <Text className="enrol-card__title">{unit.name}</Text>
        <Text className="enrol-card__line">
          名册 {total} 人{submitted ? '（搜索结果）' : ''} · 在职 {inService} 人
        </Text>
        <Text className="enrol-card__line">
          职工月报：{unit.staffReport ? `${unit.staffReport.month} 在职 ${unit.staffReport.headcount} 人` : '未填报（首次参加须填报，第五条）'}
        </Text>
      </View>

      {!readOnly ? (
        <>
          <View className="enrol-actions">
            <Button theme="primary" loading={Boolean(importing)} onClick={doImport}>
              {importing ?? '导入名册文件'}
            </Button>
            <Button variant="outline" theme="primary" onClick={downloadTemplate}>
              下载模板
            </Button>
          </View>
          <View className="enrol-actions">
            <Button variant="outline" onClick={() => setPanel(panel === 'add' ? 'none' : 'add')}>
              {panel === 'add' ? '收起' : '逐个添加'}
            </Button>
            <Button variant="outline" onClick={() => setPanel(panel === 'report' ? 'none' : 'report')}>
              {panel === 'report' ? '收起' : '填报职工月报'}
            </Button>
          </View>
        </>
      ) : null}

      {importError ? <View className="enrol-notice enrol-notice--error">{importError}</View> : null}
      {result && result.errorCount > 0 ? (
        <View className="import-errors">
          <View className="enrol-notice enrol-notice--error">
            {/* `rows` counts the people (file lines 2 … rows + 1 under the header); errors cite file line numbers. */}
            文件中有 {result.rows} 名职工（第 2 至 {result.rows + 1} 行），发现 {result.errorCount} 处错误，本次未导入任何数据。请按行号修改文件后重新导入。
          </View>
          <View className="enrol-errors">
            {result.errors.map((e, i) => (
              <Text key={i} className="enrol-errors__item">
                第 {e.row} 行：{e.message}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      {result && result.errorCount === 0 ? (
        <View className="enrol-notice enrol-notice--ok import-done">
          导入完成：共 {result.rows} 行，新增 {result.imported} 人，更新 {result.updated} 人，{result.unchanged} 人无变化。
          {result.conflicts ? `另有 ${result.conflicts} 人在导入期间被他人修改，未更新，请刷新后重新导入。` : ''}
        </View>
      ) : null}

      {panel === 'add' ? <AddPerson today={state.data.today} onDone={() => { setPanel('none'); state.reload() }} /> : null}
      {panel === 'report' ? <StaffReport today={state.data.today} defaultHeadcount={inService} onDone={() => { setPanel('none'); state.reload() }} /> : null}

      <Search value={query} onChange={setQuery} onSubmit={(v) => setSubmitted(v.trim())} placeholder="按姓名或完整身份证号搜索" />
      {items.length === 0 ? (
        <PageState status="empty" description={submitted ? '没有找到匹配的职工' : '名册还是空的：请导入名册文件或逐个添加'} />
      ) : (
        items.map((p) => (
          <View key={p._id} className="enrol-row roster-row" onClick={() => void changeStatus(p)}>
            <View className="enrol-row__main">
              <Text className="enrol-row__name">{p.name}</Text>
              <Tag size="small" theme={STATUS_THEME[p.status]}>
                {PERSON_STATUS_LABEL[p.status]}
              </Tag>
              {p.bound ? (
                <Tag size="small" theme="primary">
                  已绑定微信
                </Tag>
              ) : null}
              <Text className="enrol-row__sub">
                {p.idMasked} · {p.sex === 'female' ? '女' : '男'} · {p.hireDate} 入职
              </Text>
            </View>
          </View>
        ))
      )}
      {items.length > 0 ? (
        <LoadMore total={total} shown={items.length} hasMore={state.data.nextCursor !== null} loading={state.loadingMore} error={state.moreError} onMore={state.loadMore} unit="人" />
      ) : null}
    </View>
  )
}

function AddPerson({ today, onDone }: { today: string; onDone: () => void }) {
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [hireDate, setHireDate] = useState<string | null>(null)
  const [status, setStatus] = useState<'in_service' | 'retired'>('in_service')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setError('')
    if (!name.trim() || !idNumber.trim() || !hireDate) return setError('请填写姓名、身份证号码和入职日期。')
    setBusy(true)
    const answer = await rosterApi.add({ name: name.trim(), idNumber: idNumber.trim(), hireDate, status })
    setBusy(false)
    if (!answer.ok) return setError(answer.message)
    toast(`已添加 ${name}`, 'success')
    onDone()
  }
  return (
    <View className="roster-add">
      <CellGroup title="添加职工">
        <Input label="姓名" value={name} onChange={setName} required maxLength={30} />
        <Input label="身份证号码" value={idNumber} onChange={setIdNumber} type="idcard" required maxLength={18} tips="出生日期和性别由号码自动识别" />
        <DatePicker label="入职日期" value={hireDate} onChange={setHireDate} start="1960-01-01" end={today} required />
        <RadioGroup value={status} options={[{ value: 'in_service', label: '在职' }, { value: 'retired', label: '退休' }]} onChange={setStatus} />
      </CellGroup>
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      <View className="enrol-actions">
        <Button theme="primary" loading={busy} onClick={save}>
          保存
        </Button>
      </View>
    </View>
  )
}

function StaffReport({ today, defaultHeadcount, onDone }: { today: string; defaultHeadcount: number; onDone: () => void }) {
  const [month, setMonth] = useState(lastMonth(today))
  const [headcount, setHeadcount] = useState(String(defaultHeadcount || ''))
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    if (busy) return
    setError('')
    const n = Number(headcount)
    if (!/^\d{4}-\d{2}$/.test(month) || !Number.isInteger(n) || n < 1) return setError('请填写月份（如 2021-05）和在职人数。')
    setBusy(true)
    const answer = await unitsApi.recordStaffReport({ month, headcount: n })
    setBusy(false)
    if (!answer.ok) return setError(answer.message)
    toast('职工月报已记录', 'success')
    onDone()
  }
  return (
    <View className="roster-report">
      <CellGroup title="职工月报（上月在职人数，第五条）">
        <Input label="月份" value={month} onChange={setMonth} placeholder="YYYY-MM" required />
        <Input label="在职人数" value={headcount} onChange={setHeadcount} type="number" required suffix="人" />
      </CellGroup>
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      <View className="enrol-actions">
        <Button theme="primary" loading={busy} onClick={save}>
          保存月报
        </Button>
      </View>
    </View>
  )
}

export default withPageFrame(RosterPage)
