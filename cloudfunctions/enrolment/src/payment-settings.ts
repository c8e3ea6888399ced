import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { conflict } from '@cloud-shared/errors'
import { loadPaymentSettings } from '@cloud-shared/settings'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { SETTINGS_IDS, enrolmentContract, noInput } from '@mutual-aid/contracts'

/** The accounts units pay their contributions into, as staff see them. */
export const paymentSettings = action({
  access: ['clerk', 'agent', 'office'],
  input: noInput,
  async run(ctx) {
    return loadPaymentSettings(ctx.db)
  },
})

/**
 * The office stores the accounts. Optimistic: `version` is the one the office read (0 = none stored yet); of two
 * offices saving at once, the second is told to reload. Document and audit entry are written in one transaction.
 */
export const setPaymentSettings = action({
  access: ['office'],
  input: enrolmentContract.actions.setPaymentSettings.input,
  async run(ctx, { settings, version }) {
    return runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const stored = await txGet<{ version: number } & Record<string, unknown>>(tx, 'settings', SETTINGS_IDS.payment)
      const current = stored?.version ?? 0
      if (current !== version) throw conflict('缴费账户刚刚已被其他同事修改，请刷新后查看最新设置再保存。')
      const now = ctx.clock.now()
      const data = { ...settings, version: version + 1, updatedAt: now, updatedBy: ctx.caller.openid }
      if (stored) await tx.collection('settings').doc(SETTINGS_IDS.payment).set({ data })
      else await tx.collection('settings').add({ data: { _id: SETTINGS_IDS.payment, ...data, createdAt: now } })
      // The audit entry keeps the accounts (and remark rule) replaced as well as the new ones: who changed what, from what, when.
      const before = stored ? { version: current, WH: stored.WH, TZ: stored.TZ, referenceRule: stored.referenceRule } : { version: 0, demo: true }
      await audit(ctx, { action: 'settings.payment.set', entity: 'settings', entityId: SETTINGS_IDS.payment, before, after: { version: version + 1, ...settings } }, tx)
      return { version: version + 1 }
    })
  },
})
