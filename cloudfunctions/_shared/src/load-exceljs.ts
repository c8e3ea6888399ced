import type ExcelJS from 'exceljs'

/**
 * exceljs, loaded on first use. It is most of a spreadsheet function's start-up work; loading it at the top made every
 * call of the roster and settlements functions — a plain list included — pay for it on a cold start. Only reading a
 * file and building a template need it: the build puts exceljs in its own file beside those bundles
 * (scripts/build-functions.ts, SPLIT_LIBRARIES), which Node reads only when this is first called.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  const mod = await import('exceljs')
  return (mod as unknown as { default?: typeof ExcelJS }).default ?? (mod as unknown as typeof ExcelJS)
}
