import { createHash } from 'node:crypto'
import type { FundReport } from '@mutual-aid/contracts'

import type { HandlerContext } from '@cloud-shared/context'

const yuan = (fen: number): number => fen / 100
const MONEY = '#,##0.00'

/** The report's figures as an Excel workbook: the same numbers as the page, money in yuan with two decimals. */
export async function reportWorkbook(report: FundReport): Promise<Buffer> {
  // exceljs is large: loaded only by the export, so the report itself and the batches start fast.
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  const s = report.scope
  const title = `${s.schemeName} ${s.year} 年度基金报表${s.agentName ? ` · ${s.agentName}` : ''}${s.unitName ? ` · ${s.unitName}` : ''}`

  const summary = wb.addWorksheet('概况')
  summary.columns = [
    { header: '项目', key: 'k', width: 34 },
    { header: '数值', key: 'v', width: 20 },
  ]
  summary.getRow(1).font = { bold: true }
  const add = (k: string, v: number | string | null, money = false) => {
    const row = summary.addRow({ k, v: v === null ? '不适用' : money && typeof v === 'number' ? yuan(v) : v })
    if (money && typeof v === 'number') row.getCell('v').numFmt = MONEY
  }
  add('报表', title)
  add('统计截至', report.asOf)
  add('参加人数', report.participants.total)
  add('其中：首次参加', report.participants.firstTime)
  add('其中：续保', report.participants.renewing)
  add('参加单位数', report.units.total)
  add('其中：首次参加单位', report.units.firstTime)
  add('其中：续保单位', report.units.renewing)
  add('已收互助金（元）', report.contributionsFen, true)
  add('申请笔数', report.claims.total)
  add('核准金额（元）', report.approvedFen, true)
  add('已支付金额（元）', report.paidFen, true)
  add('基金结余（元）= 已收 − 已支付', report.balanceFen, true)
  add('每千名参加人申请笔数', report.claimsPerThousand)
  add('材料齐全至审批平均天数', report.avgDaysToDecision)
  add('已审批笔数', report.decided)
  add('逾期未审批笔数', report.overdueReviews)
  if (report.reviewBasis) add('审批时限', report.reviewBasis)

  const status = wb.addWorksheet('申请按状态')
  status.columns = [
    { header: '状态', key: 'label', width: 16 },
    { header: '笔数', key: 'count', width: 10 },
  ]
  status.getRow(1).font = { bold: true }
  for (const r of report.claims.byStatus) status.addRow(r)

  const benefit = wb.addWorksheet('申请按项目')
  benefit.columns = [
    { header: '保障项目', key: 'label', width: 28 },
    { header: '笔数', key: 'count', width: 10 },
    { header: '核准金额（元）', key: 'approved', width: 18 },
  ]
  benefit.getRow(1).font = { bold: true }
  for (const r of report.claims.byBenefit) benefit.addRow({ label: r.label, count: r.count, approved: yuan(r.approvedFen) })
  benefit.getColumn('approved').numFmt = MONEY

  const rows = wb.addWorksheet(report.rowsBy === 'agent' ? '按代理单位' : '按单位')
  rows.columns = [
    { header: report.rowsBy === 'agent' ? '代理单位' : '单位', key: 'name', width: 30 },
    { header: '参加人数', key: 'participants', width: 10 },
    { header: '已收互助金（元）', key: 'contributions', width: 18 },
    { header: '申请笔数', key: 'claims', width: 10 },
    { header: '核准金额（元）', key: 'approved', width: 18 },
    { header: '已支付金额（元）', key: 'paid', width: 18 },
  ]
  rows.getRow(1).font = { bold: true }
  for (const r of report.rows) {
    rows.addRow({ name: r.name, participants: r.participants, contributions: yuan(r.contributionsFen), claims: r.claims, approved: yuan(r.approvedFen), paid: yuan(r.paidFen) })
  }
  for (const k of ['contributions', 'approved', 'paid']) rows.getColumn(k).numFmt = MONEY
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * Stores the workbook under the caller's own folder and answers a 10-minute link. Storage is read-protected for every
 * client (the storage rule): only this function, after checking the caller's scope, hands out the link.
 */
export async function storeReport(ctx: HandlerContext, report: FundReport, content: Buffer): Promise<{ fileID: string; url: string; fileName: string }> {
  const s = report.scope
  const fileName = `基金报表-${s.family}-${s.year}${s.agentId ? `-${s.agentId}` : ''}${s.unitId ? `-${s.unitId}` : ''}-${report.asOf}.xlsx`
  const owner = createHash('sha256').update(ctx.caller.openid).digest('hex').slice(0, 16)
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 16)
  const cloudPath = `reports/${owner}/${s.family}-${s.year}-${s.agentId ?? 'all'}-${s.unitId ?? 'all'}-${digest}.xlsx`
  const up = await ctx.cloud.uploadFile({ cloudPath, fileContent: content })
  const urls = await ctx.cloud.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 600 }] })
  return { fileID: up.fileID as string, url: urls.fileList[0]?.tempFileURL as string, fileName }
}

