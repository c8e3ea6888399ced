import { Text, View } from '@tarojs/components'
import { formatYuan, readableBasis } from '@mutual-aid/shared-rules'
import { BENEFIT_LABEL } from '@mutual-aid/contracts'
import { Button, Input } from '@/components/ui'
import { ClaimSettlement } from '../claim-detail'
import type { useProposal } from './use-proposal'

const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

/** The proposal as the worker reads it: the sentence of the notice, how it was computed, the account, two buttons. */
export function ProposalOffer({ model }: { model: ReturnType<typeof useProposal> }) {
  const { claim, payee, setPayee, payeeErrors, busy, error, accept, decline } = model
  if (!claim?.offer || !claim.settlement) return null
  const { assessment, acceptBy, acceptByBasis } = claim.offer
  const st = claim.settlement
  return (
    <View className="claims-page claims-proposal" data-testid="proposal">
      <View className="claims-section">
        <Text className="claims-proposal__headline">
          您 {monthDay(st.admission)}–{monthDay(st.discharge)} 住院可领取互助补助
        </Text>
        <Text className="claims-proposal__amount" data-testid="proposal-amount">
          {formatYuan(assessment.amountFen)}
        </Text>
        <Text className="claims-section__hint">
          根据医保部门的结算数据计算，无需拍照上传材料。请核对后确认收款账户，{acceptBy} 前确认有效（{acceptByBasis}）。
        </Text>
      </View>
      <View className="claims-section">
        <Text className="claims-section__title">怎么算的</Text>
        {assessment.lines.map((l) => (
          <View key={`${l.benefit}-${l.basis}`} className="claims-row">
            <Text className="claims-row__label claims-row__label--wrap">
              {BENEFIT_LABEL[l.benefit] ?? l.benefit}（{readableBasis(l.basis)}）
            </Text>
            <Text className="claims-row__value claims-row__value--nowrap">{formatYuan(l.amountFen)}</Text>
          </View>
        ))}
        {assessment.reasons.map((r) => (
          <Text key={r.code} className="claims-section__hint">
            {r.message}（{readableBasis(r.basis)}）
          </Text>
        ))}
      </View>
      <ClaimSettlement claim={claim} />
      <View className="claims-section">
        <Text className="claims-section__title">收款账户</Text>
        {claim.offer.lastPayee ? <Text className="claims-section__hint">已填入您上次申请时的账户，如有变化请修改。</Text> : null}
        <Input label="收款人" value={payee.name} onChange={(name) => setPayee({ ...payee, name })} placeholder="本人姓名" error={payeeErrors.name} />
        <Input label="开户银行" value={payee.bank} onChange={(bank) => setPayee({ ...payee, bank })} placeholder="如：中国工商银行台州分行" error={payeeErrors.bank} />
        <Input label="银行账号" value={payee.account} onChange={(account) => setPayee({ ...payee, account: account.replace(/\s/g, '') })} placeholder="银行卡号" type="number" error={payeeErrors.account} />
      </View>
      {error ? <View className="claims-notice claims-notice--error">{error}</View> : null}
      {/* Under the account, not beside 确认领取 in the bar: the two did not fit a phone's width side by side. */}
      <View className="claims-proposal__decline">
        <Button variant="text" disabled={busy} onClick={decline}>
          不需要，放弃这笔补助
        </Button>
      </View>
      <View className="claims-actions">
        <Button theme="primary" block loading={busy} onClick={accept}>
          确认领取 {formatYuan(assessment.amountFen)}
        </Button>
      </View>
    </View>
  )
}
