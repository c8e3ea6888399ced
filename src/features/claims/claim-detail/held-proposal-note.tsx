import { Text, View } from '@tarojs/components'
import { formatYuan } from '@mutual-aid/shared-rules'
import type { ClaimDetail } from '@mutual-aid/contracts'

/**
 * On a claim filed by hand, for its filer or participant: the bureau's proposal for the same stay is held because of
 * it — and withdrawing the claim is how to take that proposal instead (no photos needed).
 */
export function HeldProposalNote({ claim: c }: { claim: ClaimDetail }) {
  const held = c.heldProposal
  if (!held || !c.actions.includes('withdraw')) return null
  return (
    <View className="claims-notice" data-testid="held-proposal-note">
      <Text className="claims-notice__title">医保结算生成的补助</Text>
      <Text>
        {held.amountFen !== null
          ? `系统已根据医保结算为您生成了这次住院的补助提议 ${formatYuan(held.amountFen)}，领取不需要拍照上传材料。两者只能领取一笔：本申请办理期间，那笔补助暂不办理；如改为领取那笔补助，请撤回本申请。`
          : '医保结算数据已为这次住院生成了补助提议。两者只能领取一笔：本申请办理期间，那笔补助暂不办理；撤回本申请后，由职工本人确认领取。'}
      </Text>
    </View>
  )
}
