import { z } from 'zod'
import { action } from '@cloud-shared/create-main'
import { COLUMNS } from './columns'
import { loadExcelJS } from '@cloud-shared/load-exceljs'

/** The downloadable roster template (xlsx): header row, one example row, the ID column formatted as text. */
export async function buildTemplate(): Promise<Buffer> {
  const { Workbook } = await loadExcelJS()
  const wb = new Workbook()
  const ws = wb.addWorksheet('职工名册')
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }))
  ws.getColumn('idNumber').numFmt = '@'
  ws.getColumn('hireDate').numFmt = '@'
  ws.getRow(1).font = { bold: true }
  ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.example])))
  const help = wb.addWorksheet('填写说明')
  for (const line of [
    '1. 每行一名职工，从第 2 行开始填写（示例行请删除或改为真实信息）。',
    '2. 身份证号码：18 位，末位可能是 X；请保持该列为“文本”格式，避免 Excel 把号码变成科学计数法。',
    '3. 入职日期：如 2015-03-01。',
    '4. 在职状态：填写“在职”或“退休”（不填视为在职）。退休人员不能参加互助（第十四条第三项）。',
    '5. 出生日期和性别由身份证号码自动识别，无需填写。',
    '6. 保存为 .xlsx 或 .csv 后在“职工名册 → 导入名册”上传；有错误时整份文件不会导入，请按提示的行号修改后重新上传。',
  ]) {
    help.addRow([line])
  }
  help.getColumn(1).width = 100
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Uploads a fresh template and answers a temporary download URL. */
export const template = action({
  access: ['clerk', 'agent', 'office'],
  input: z.object({}),
  async run(ctx) {
    const up = await ctx.cloud.uploadFile({ cloudPath: 'templates/职工名册模板.xlsx', fileContent: await buildTemplate() })
    const urls = await ctx.cloud.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 3600 }] })
    return { fileID: up.fileID as string, url: urls.fileList[0]?.tempFileURL as string }
  },
})
