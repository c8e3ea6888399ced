/**
 * Roster: template download, file import (xlsx and csv, all-or-nothing with row-numbered errors), one-by-one entry,
 * masked listing and search, status changes, and refusals (bad file, another unit's file, wrong role).
 */
import ExcelJS from 'exceljs'
import { makeId, makeRows, rosterCsv, rosterXlsx } from '../../fixtures/rosters/make-roster'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, TZ_UNIT, WH_UNIT, WORKER_TZ, startSuite, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite()
})
afterAll(async () => {
  await s?.emu.stop()
})

const countPeople = async (unitId: string) => (await s.db.collection('people').where({ unitId }).count()).total

describe('roster import', () => {
  it('answers a template with the four columns', async () => {
    const t = await s.ok('roster', CLERK_TZ, 'template')
    const res = await fetch(t.url)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any)
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '姓名', '身份证号码', '入职日期', '在职状态'])
  })

  it('imports an xlsx file in one call; birth date and sex come from the ID; IDs are stored hashed and encrypted', async () => {
    const rows = makeRows(12, { offset: 7000, hireDate: '2019-09-01' })
    const fileID = await s.upload(`roster-imports/${TZ_UNIT}/a.xlsx`, await rosterXlsx(rows))
    const r = await s.ok('roster', CLERK_TZ, 'import', { fileID })
    expect(r).toMatchObject({ imported: 12, updated: 0, unchanged: 0, errorCount: 0 })
    expect(await countPeople(TZ_UNIT)).toBe(26)
    const stored = (await s.db.collection('people').where({ unitId: TZ_UNIT, name: rows[0].name }).get()).data[0]
    expect(stored).toMatchObject({ hireDate: '2019-09-01', status: 'in_service', sex: 'female', birthDate: '1979-01-01' })
    expect(JSON.stringify(stored)).not.toContain(rows[0].idNumber)
    expect(stored.idMasked).toBe(`${rows[0].idNumber.slice(0, 4)}**********${rows[0].idNumber.slice(-4)}`)
  })

  it('re-importing the same people as csv changes nothing; a changed status is updated', async () => {
    const rows = makeRows(12, { offset: 7000, hireDate: '2019-09-01' })
    rows[1].status = '退休'
    const fileID = await s.upload(`roster-imports/${TZ_UNIT}/b.csv`, rosterCsv(rows))
    const r = await s.ok('roster', CLERK_TZ, 'import', { fileID })
    expect(r).toMatchObject({ imported: 0, updated: 1, unchanged: 11 })
    expect(await countPeople(TZ_UNIT)).toBe(26)
  })

  it('a file with errors changes nothing and lists every error by row number', async () => {
    const good = makeRows(3, { offset: 8000 })
    const badId = good[1].idNumber.slice(0, 17) + (good[1].idNumber[17] === '1' ? '2' : '1')
    const rows = [good[0], { ...good[1], idNumber: badId }, { ...good[2], hireDate: '2019-13-45' }, { ...good[0], name: '重复人' }, { name: '', idNumber: makeId('331002', '1988-08-08', 1, false), hireDate: '2018-01-01', status: '兼职' }]
    const fileID = await s.upload(`roster-imports/${TZ_UNIT}/c.csv`, rosterCsv(rows))
    const r = await s.ok('roster', CLERK_TZ, 'import', { fileID })
    expect(r.imported).toBe(0)
    const byRow = (row: number) => r.errors.filter((e: any) => e.row === row).map((e: any) => e.field)
    expect(byRow(2)).toEqual([])
    expect(byRow(3)).toEqual(['idNumber'])
    expect(byRow(4)).toEqual(['hireDate'])
    expect(byRow(5)).toEqual(['idNumber'])
    expect(r.errors.find((e: any) => e.row === 5).message).toContain('与第 2 行重复')
    expect(byRow(6).sort()).toEqual(['name', 'status'])
    expect(await countPeople(TZ_UNIT)).toBe(26)
  })

  it('handles Excel serial dates, text dates and IDs that Excel turned into numbers', async () => {
    const rows = makeRows(3, { offset: 9000 })
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('名册')
    ws.addRow(['姓名', '身份证号', '入职时间', '状态'])
    ws.addRow([rows[0].name, rows[0].idNumber, 43466, '在职']) // serial 43466 = 2019-01-01
    ws.addRow([rows[1].name, rows[1].idNumber, '2019年3月5日', ''])
    ws.addRow([rows[2].name, Number(rows[2].idNumber.replace('X', '0')), '2019/4/1', '在职'])
    const fileID = await s.upload(`roster-imports/${TZ_UNIT}/d.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()))
    const r = await s.ok('roster', CLERK_TZ, 'import', { fileID })
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({ row: 4, field: 'idNumber' })
    expect(r.errors[0].message).toContain('文本')
    ws.spliceRows(4, 1)
    const fixed = await s.upload(`roster-imports/${TZ_UNIT}/e.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()))
    const ok = await s.ok('roster', CLERK_TZ, 'import', { fileID: fixed })
    expect(ok.imported).toBe(2)
    const hires = (await s.db.collection('people').where({ unitId: TZ_UNIT, name: s.db.command.in([rows[0].name, rows[1].name]) }).get()).data.map((p: any) => p.hireDate).sort()
    expect(hires).toEqual(['2019-01-01', '2019-03-05'])
    // Clean up so the counts below stay simple.
    for (const [name, hireDate] of [[rows[0].name, '2019-01-01'], [rows[1].name, '2019-03-05']]) {
      await s.db.collection('people').where({ unitId: TZ_UNIT, name, hireDate }).remove()
    }
  })

  it('refuses a file that is not a roster: garbage, missing headers, empty', async () => {
    const garbage = await s.upload(`roster-imports/${TZ_UNIT}/g.xlsx`, Buffer.from('PK\u0003\u0004 this is not a zip'))
    expect(await s.call('roster', CLERK_TZ, 'import', { fileID: garbage })).toMatchObject({ ok: false, code: 'BAD_FILE' })
    const noHeader = await s.upload(`roster-imports/${TZ_UNIT}/h.csv`, Buffer.from('名字,号码\n张三,1\n'))
    const r = await s.call('roster', CLERK_TZ, 'import', { fileID: noHeader })
    expect(r).toMatchObject({ ok: false, code: 'BAD_FILE' })
    expect(r.message).toContain('身份证号码')
    const empty = await s.upload(`roster-imports/${TZ_UNIT}/i.csv`, Buffer.from('姓名,身份证号码,入职日期,在职状态\n'))
    expect(await s.call('roster', CLERK_TZ, 'import', { fileID: empty })).toMatchObject({ ok: false, code: 'BAD_FILE' })
  })

  it('refuses another unit’s file and callers who are not the unit’s clerk', async () => {
    const fileID = await s.upload(`roster-imports/${WH_UNIT}/x.csv`, rosterCsv(makeRows(2, { offset: 9100 })))
    expect(await s.call('roster', CLERK_TZ, 'import', { fileID })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await s.call('roster', AGENT, 'import', { fileID })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('roster', WORKER_TZ, 'import', { fileID })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('roster entry and listing', () => {
  it('adds one person; a duplicate ID or an invalid ID is refused', async () => {
    const id = makeId('331002', '1992-02-02', 7, true)
    const r = await s.ok('roster', CLERK_TZ, 'add', { name: '新同事', idNumber: id, hireDate: '2021-05-20' })
    expect(r).toMatchObject({ birthDate: '1992-02-02', sex: 'female' })
    expect(r.idMasked).toMatch(/^3310\*{10}\d{3}[\dX]$/)
    expect(await s.call('roster', CLERK_TZ, 'add', { name: '新同事', idNumber: id, hireDate: '2021-05-20' })).toMatchObject({ ok: false, code: 'DUPLICATE_PERSON' })
    const bad = await s.call('roster', CLERK_TZ, 'add', { name: '错号', idNumber: id.slice(0, 17) + (id[17] === '1' ? '2' : '1'), hireDate: '2021-05-20' })
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(bad.message).toContain('身份证号码')
  })

  it('lists and searches the roster with masked IDs; agent and office may read, another clerk may not', async () => {
    const page = await s.ok('roster', CLERK_TZ, 'list', { limit: 10 })
    expect(page.total).toBe(27)
    expect(page.items).toHaveLength(10)
    for (const p of page.items) {
      expect(p.idMasked).toMatch(/\*{10}/)
      expect(p).not.toHaveProperty('idCipher')
      expect(p).not.toHaveProperty('idHash')
    }
    const byName = await s.ok('roster', CLERK_TZ, 'list', { query: '余静' })
    expect(byName.items.map((p: any) => p.name)).toEqual(['余静'])
    expect(byName.items[0].bound).toBe(true)
    const byId = await s.ok('roster', CLERK_TZ, 'list', { query: '331002198004142134' })
    expect(byId.items.map((p: any) => p.name)).toEqual(['杜明'])
    expect((await s.ok('roster', AGENT, 'list', { unitId: TZ_UNIT })).total).toBe(27)
    expect((await s.ok('roster', OFFICE, 'list', { unitId: TZ_UNIT })).total).toBe(27)
    expect(await s.call('roster', CLERK_WH, 'list', { unitId: TZ_UNIT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('changes a status with a version check', async () => {
    const p = (await s.ok('roster', CLERK_TZ, 'list', { query: '杜明' })).items[0]
    await s.ok('roster', CLERK_TZ, 'setStatus', { personId: p._id, version: p.version, status: 'left' })
    expect(await s.call('roster', CLERK_TZ, 'setStatus', { personId: p._id, version: p.version, status: 'in_service' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    await s.ok('roster', CLERK_TZ, 'setStatus', { personId: p._id, version: p.version + 1, status: 'in_service' })
    expect(await s.call('roster', CLERK_WH, 'setStatus', { personId: p._id, version: p.version + 2, status: 'left' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
