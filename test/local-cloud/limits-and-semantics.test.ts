/** Contract: CloudBase's limits and MongoDB's query semantics where mingo alone differs. */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { FIXTURE_TEMPLATE_ENV } from './fixtures/templates'
import { keywordProblem } from '../../local-cloud/src/wechat/keyword-rules'
import { connectSdk } from './sdk'

let emu: Emulator
let db: any
let _: any

beforeAll(async () => {
  emu = await startEmulator({ functionsDir: path.join(__dirname, 'fixtures', 'functions'), templatesFile: path.join(__dirname, 'fixtures', 'templates.ts'), env: FIXTURE_TEMPLATE_ENV })
  db = connectSdk(emu).database()
  _ = db.command
  await db.collection('lim').add({
    data: [
      { _id: 'plain', tags: [1, 2, 3], s: 'hello world', at: new Date('2021-01-01T00:00:00Z') },
      { _id: 'embedded', tags: [{ a: 1 }, { a: 5 }], s: 'abc', at: new Date('2021-01-03T00:00:00Z') },
      { _id: 'late', tags: [], s: '', at: new Date('2021-12-31T00:00:00Z') },
    ],
  })
})
afterAll(async () => emu?.stop())

test('field names starting with $ are refused, at any depth', async () => {
  await expect(db.collection('lim').add({ data: { $where: 1 } })).rejects.toMatchObject({ errMsg: expect.stringContaining('$ prefixed') })
  await expect(db.collection('lim').add({ data: { ok: { $bad: 1 } } })).rejects.toMatchObject({ errMsg: expect.stringContaining('$bad') })
  expect((await db.collection('lim').where({ _id: 'plain' }).get()).data).toHaveLength(1)
})

test('doc(id).set() answers updated: 1 whenever the document exists, even with identical data', async () => {
  await db.collection('lim').doc('same').set({ data: { n: 1 } })
  expect((await db.collection('lim').doc('same').set({ data: { n: 1 } })).stats.updated).toBe(1)
})

test('updateAndReturn that matches nothing answers doc: null', async () => {
  // node-sdk's Query.updateAndReturn sends database.modifyAndReturnDoc (wx-server-sdk does not expose it).
  const res = await (
    await fetch(`${emu.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.modifyAndReturnDoc', collectionName: 'lim', query: JSON.stringify({ _id: 'nobody' }), data: JSON.stringify({ $set: { n: 2 } }) }),
    })
  ).json()
  expect(res.data).toEqual({ updated: 0, doc: null })
})

test('$elemMatch with a field condition matches only embedded documents', async () => {
  const ids = async (q: unknown) => (await db.collection('lim').where(q).get()).data.map((d: any) => d._id).sort()
  expect(await ids({ tags: _.elemMatch({ a: 1 }) })).toEqual(['embedded'])
  expect(await ids({ tags: _.elemMatch({ a: _.gte(1) }) })).toEqual(['embedded'])
  expect(await ids({ tags: _.elemMatch(_.gte(2)) })).toEqual(['plain'])
})

test('$week counts Sunday-started weeks (days before the first Sunday are week 0); negative $substr length takes the rest', async () => {
  const $ = db.command.aggregate
  const res = await db.collection('lim').aggregate().match({ _id: _.in(['plain', 'embedded', 'late']) }).sort({ _id: 1 })
    .project({ w: $.week('$at'), rest: $.substr(['$s', 1, -1]), none: $.substr(['$s', 20, 2]) }).end()
  expect(res.list).toEqual([
    { _id: 'embedded', w: 1, rest: 'bc', none: '' },
    { _id: 'late', w: 52, rest: '', none: '' },
    { _id: 'plain', w: 0, rest: 'ello world', none: '' },
  ])
})

test('a NUL byte in a regular expression is refused cleanly, never a crash', async () => {
  const err = await db.collection('lim').where({ s: db.RegExp({ regexp: 'a\u0000b' }) }).get().catch((e: any) => e)
  expect(err).toBeInstanceOf(Error)
  expect((await db.collection('lim').where({ _id: 'plain' }).get()).data).toHaveLength(1)
})

test('a query nested deeper than 100 levels is refused', async () => {
  let deep: any = { x: 1 }
  for (let i = 0; i < 150; i++) deep = { n: deep }
  await expect(db.collection('lim').add({ data: deep })).rejects.toMatchObject({ errMsg: expect.stringContaining('100') })
})

test('subscribe-message values are checked by keyword type as WeChat does (the values this project used to send fail)', () => {
  expect(keywordProblem('date', '2021-06-15')).toContain('年月日')
  expect(keywordProblem('date', '2021年6月15日')).toBeNull()
  expect(keywordProblem('date', '2021年2月30日')).not.toBeNull()
  expect(keywordProblem('time', '15:01')).toBeNull()
  expect(keywordProblem('time', '2019年10月1日 15:01~2019年10月1日 16:00')).toBeNull()
  expect(keywordProblem('amount', '20,000.00元')).toContain('千位')
  expect(keywordProblem('amount', '¥20000.00')).toBeNull()
  expect(keywordProblem('thing', '一二三四五六七八九十一二三四五六七八九十')).toBeNull()
  expect(keywordProblem('thing', '一二三四五六七八九十一二三四五六七八九十一')).toContain('20')
  expect(keywordProblem('phrase', '单位已确认')).toBeNull()
  expect(keywordProblem('phrase', '单位已经确认')).not.toBeNull()
  expect(keywordProblem('phrase', 'OK')).not.toBeNull()
  expect(keywordProblem('character_string', 'WH2021-000001')).toBeNull()
  expect(keywordProblem('character_string', '申请WH2021')).not.toBeNull()
  expect(keywordProblem('name', '张伟')).toBeNull()
  expect(keywordProblem('number', '12.5')).toBeNull()
  expect(keywordProblem('thing', '')).toContain('不能为空')
})
