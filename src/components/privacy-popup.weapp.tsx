/**
 * WeChat's privacy agreement (隐私保护指引), following WeChat's official sample: since 2023-09 the APIs that touch
 * personal information (wx.chooseMedia, chooseMessageFile, setClipboardData …) wait until the user agrees. WeChat
 * calls `onNeedPrivacyAuthorization` with a `resolve`; this popup explains why, links the guide, and the 同意 button
 * (open-type="agreePrivacyAuthorization", its id named in `resolve`) lets the waiting API go on. 不同意 makes that API
 * fail, and the page goes on without it.
 *
 * Render it once in every page that calls such an API. WeChat keeps one listener, so the popup registers again
 * whenever its page is shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import './privacy-popup.scss'

type Resolve = Parameters<Taro.onNeedPrivacyAuthorization.Listener>[0]

const AGREE_BUTTON_ID = 'privacy-agree'

/** What each privacy API is for, in the words of the popup (the `referrer` WeChat passes). */
const PURPOSE: Record<string, string> = {
  chooseMedia: '拍摄或选择申请材料、缴费回单的照片',
  chooseImage: '拍摄或选择照片',
  chooseMessageFile: '从聊天记录中选择职工名册文件、电子票据或电子报告',
  setClipboardData: '复制邀请码、履约确认书摘要、缴费账号和转账附言',
}

export function PrivacyPopup() {
  const [open, setOpen] = useState(false)
  const [purpose, setPurpose] = useState('')
  const [guideName, setGuideName] = useState('《隐私保护指引》')
  const pending = useRef<Resolve | null>(null)

  const register = useCallback(() => {
    Taro.onNeedPrivacyAuthorization((resolve, info) => {
      pending.current = resolve
      setPurpose(PURPOSE[info?.referrer] ?? '')
      setOpen(true)
      resolve({ event: 'exposureAuthorization' })
    })
  }, [])

  useEffect(() => {
    register()
    Taro.getPrivacySetting({
      success: (res: { privacyContractName?: string }) => {
        if (res.privacyContractName) setGuideName(res.privacyContractName)
      },
    })
  }, [register])
  useDidShow(register)

  const answer = (event: 'agree' | 'disagree') => {
    const resolve = pending.current
    pending.current = null
    setOpen(false)
    resolve?.(event === 'agree' ? { event, buttonId: AGREE_BUTTON_ID } : { event })
  }

  if (!open) return null
  return (
    <View className="privacy-popup">
      <View className="privacy-popup__panel">
        <Text className="privacy-popup__title">用户隐私保护提示</Text>
        <Text className="privacy-popup__body">
          {`为了${purpose || '继续当前操作'}，需要您同意`}
          <Text className="privacy-popup__link" onClick={() => Taro.openPrivacyContract({})}>
            {guideName}
          </Text>
          。照片和文件只用于办理互助业务，仅经办和审核人员可以查看。不同意也可以继续使用其他功能。
        </Text>
        <View className="privacy-popup__actions">
          <Button className="privacy-popup__button" onClick={() => answer('disagree')}>
            不同意
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="privacy-popup__button privacy-popup__button--agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answer('agree')}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
