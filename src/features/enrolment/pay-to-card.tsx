import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DeclarationDetail } from '@mutual-aid/contracts'
import { Button, toast } from '@/components/ui'
import { formatYuan } from '@/components/format'

type PayTo = NonNullable<DeclarationDetail['payTo']>

function copy(text: string, what: string): void {
  void Taro.setClipboardData({ data: text.replace(/\s+/g, '') }).then(
    () => toast(`${what}已复制`, 'success'),
    () => toast(`复制失败，请长按${what}手动复制`, 'error'),
  )
}

/**
 * Where and how a unit pays after declaring: the office's account for the scheme, the amount, and the remark to quote
 * so the office can match the transfer to this declaration. From the office's payment settings.
 */
export function PayToCard({ payTo, approved }: { payTo: PayTo; approved: boolean }) {
  return (
    <View className="enrol-card pay-to">
      <Text className="enrol-card__title">缴费方式</Text>
      <Text className="enrol-card__line">
        {approved
          ? '请按以下账户转账缴纳互助费；互助办核实款项到账后，保障即生效。'
          : '代理单位审核同意后，请按以下账户转账缴纳互助费。'}
      </Text>
      {payTo.demo ? (
        <Text className="pay-to__demo">演示账户：互助办尚未设置实际收款账户，请勿向此账户转账。</Text>
      ) : null}
      <View className="pay-to__row">
        <Text className="pay-to__label">户名</Text>
        <Text className="pay-to__value">{payTo.accountName}</Text>
      </View>
      <View className="pay-to__row">
        <Text className="pay-to__label">开户行</Text>
        <Text className="pay-to__value">{payTo.bank}</Text>
      </View>
      <View className="pay-to__row">
        <Text className="pay-to__label">账号</Text>
        <Text className="pay-to__value pay-to__value--number" userSelect>
          {payTo.accountNumber}
        </Text>
      </View>
      <View className="pay-to__row">
        <Text className="pay-to__label">金额</Text>
        <Text className="pay-to__value pay-to__value--strong">{formatYuan(payTo.amountFen)}</Text>
      </View>
      <View className="pay-to__row">
        <Text className="pay-to__label">转账附言</Text>
        <Text className="pay-to__value pay-to__value--number" userSelect>
          {payTo.reference}
        </Text>
      </View>
      <Text className="enrol-card__line">转账时请在“附言/用途”中填写上面的附言，以便互助办核对到账。</Text>
      <Text className="enrol-card__line">缴费问题请致电互助办：{payTo.phone}</Text>
      <View className="pay-to__actions">
        <Button size="medium" variant="outline" theme="primary" onClick={() => copy(payTo.accountNumber, '账号')}>
          复制账号
        </Button>
        <Button size="medium" variant="outline" theme="primary" onClick={() => copy(payTo.reference, '附言')}>
          复制附言
        </Button>
      </View>
    </View>
  )
}
