import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, CellGroup, Input, Tabs, toast } from '@/components/ui'
import { HOME_PAGE, invalidateSession } from '@/features/session'
import { bindApi } from '@/features/enrolment/api'
import { requestSubscriptions } from '@/features/notifications/subscribe'
import { goOn } from '@/services/go-on'
import '@/features/enrolment/enrol.scss'
import { withPageFrame } from '@/features/large-font'

type Mode = 'worker' | 'clerk'

/** A signed-in WeChat user binds to their roster record (worker) or accepts a clerk invitation code. */
function BindPage() {
  const [mode, setMode] = useState<Mode>('worker')
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  /** Bound: home, the toast read first; busy until then (a second tap would bind again). */
  const done = (message: string) => {
    toast(message, 'success')
    invalidateSession()
    goOn({ reLaunch: HOME_PAGE }, () => setBusy(false), 600)
  }

  const bindWorker = async () => {
    // First thing in the tap: WeChat shows the subscribe dialog only here (told when coverage starts).
    void requestSubscriptions('bind')
    setError('')
    if (!name.trim() || !idNumber.trim()) return setError('请填写姓名和身份证号码。')
    setBusy(true)
    const answer = await bindApi.bindWorker({ name: name.trim(), idNumber: idNumber.trim() })
    if (!answer.ok) {
      setBusy(false)
      return setError(answer.message)
    }
    done(`绑定成功：${answer.data.name}`)
  }

  const acceptInvite = async () => {
    setError('')
    if (!/^\d{8}$/.test(code.trim())) return setError('邀请码为 8 位数字，请向代理单位或互助办获取。')
    setBusy(true)
    const answer = await bindApi.acceptInvite({ code: code.trim(), ...(name.trim() ? { name: name.trim() } : {}) })
    if (!answer.ok) {
      setBusy(false)
      return setError(answer.message)
    }
    done(`已成为 ${answer.data.unitName} 的经办人`)
  }

  return (
    <View className="enrol-page bind-page">
      <Tabs
        value={mode}
        items={[
          { value: 'worker', label: '我是职工' },
          { value: 'clerk', label: '我是单位经办人' },
        ]}
        onChange={(v) => {
          setMode(v)
          setError('')
        }}
      />
      {mode === 'worker' ? (
        <>
          <View className="enrol-notice">请填写单位名册上的姓名和身份证号码，核对一致后即可查看本人的互助保障和申请互助金。</View>
          <CellGroup>
            <Input label="姓名" value={name} onChange={setName} placeholder="与身份证一致" required maxLength={30} />
            <Input label="身份证号码" value={idNumber} onChange={setIdNumber} placeholder="18 位，末位可能是 X" type="idcard" required maxLength={18} />
          </CellGroup>
          {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
          <View className="enrol-actions">
            <Button theme="primary" block loading={busy} onClick={bindWorker}>
              核对并绑定
            </Button>
          </View>
        </>
      ) : (
        <>
          <View className="enrol-notice">单位工会经办人请输入代理单位或互助办发给您的 8 位邀请码（7 天内有效，只能使用一次）。</View>
          <CellGroup>
            <Input label="邀请码" value={code} onChange={setCode} placeholder="8 位数字" type="number" required maxLength={8} />
            <Input label="您的姓名" value={name} onChange={setName} placeholder="选填" maxLength={30} />
          </CellGroup>
          {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
          <View className="enrol-actions">
            <Button theme="primary" block loading={busy} onClick={acceptInvite}>
              绑定为经办人
            </Button>
          </View>
        </>
      )}
      <Text className="enrol-section-title">身份证号码仅用于核对本人身份，加密保存，不向他人展示。</Text>
      {mode === 'worker' ? (
        <>
          <View className="enrol-notice">职工不幸因病身故的，家属（受益人）无需绑定，可直接在线申请身故抚恤补助金。</View>
          <View className="enrol-actions">
            <Button block onClick={() => void Taro.navigateTo({ url: '/packages/claims/new/index?beneficiary=1' })}>
              家属申请身故抚恤
            </Button>
            <Button block onClick={() => void Taro.navigateTo({ url: '/packages/claims/list/index' })}>
              查看我提交的申请
            </Button>
          </View>
        </>
      ) : null}
    </View>
  )
}

export default withPageFrame(BindPage)
