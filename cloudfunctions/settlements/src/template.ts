import { z } from 'zod'
import { action } from '@cloud-shared/create-main'
import { loadExcelJS } from '@cloud-shared/load-exceljs'
import { COLUMNS, DATE_KEYS } from './columns'

/** The downloadable settlement template (xlsx): the accepted columns, one example row, ID and serial as text. */
export async function buildTemplate(): Promise<Buffer> {
  const { Workbook } = await loadExcelJS()
  const wb = new Workbook()
  const ws = wb.addWorksheet('医保住院结算明细')
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }))
  for (const key of ['idNumber', 'serial', 'hospitalCode', ...DATE_KEYS]) ws.getColumn(key).numFmt = '@'
  ws.getRow(1).font = { bold: true }
  ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.example])))
  const help = wb.addWorksheet('填写说明')
  for (const line of [
    '1. 每行一笔住院结算，从第 2 行开始（示例行请删除）。可直接使用医保部门导出的住院结算明细，表头名称与本模板一致或为常见别名即可。',
    '2. 身份证号码、结算流水号请保持“文本”格式，避免 Excel 把它们变成科学计数法。',
    '3. 险种：职工医保（补助自负部分的 60%）或城乡居民医保（50%）。是否定点：是 / 否。',
    '4. 金额单位为元，最多两位小数；个人自负不含个人自理部分。统筹基金支付 + 个人自负 + 个人自理 不能大于医疗总费用。',
    '5. 日期写成 2021-05-03。同一结算流水号只处理一次，重复导入不会重复生成补助。',
    '6. 有错误时整份文件不会导入，请按提示的行号修改后重新上传。导入完成后上传的文件即被删除，系统只保存身份证号码的加密摘要。',
  ]) {
    help.addRow([line])
  }
  help.getColumn(1).width = 110
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Uploads a fresh template and answers a temporary download URL. */
export const template = action({
  access: ['office', 'agent'],
  input: z.object({}),
  async run(ctx) {
    const up = await ctx.cloud.uploadFile({ cloudPath: 'templates/医保住院结算导入模板.xlsx', fileContent: await buildTemplate() })
    const urls = await ctx.cloud.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 3600 }] })
    return { fileID: up.fileID as string, url: urls.fileList[0]?.tempFileURL as string }
  },
})
