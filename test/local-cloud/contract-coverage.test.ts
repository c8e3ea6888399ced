/**
 * Guards the promise that the emulator's contract tests drive every wx-server-sdk API the cloud functions use:
 * each SDK call found in cloudfunctions/ must also appear in a contract test here (which runs it through the real
 * SDK against the emulator). A new call in a function without a contract test fails this test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../..')

/** Text of every file under `dir` whose name matches `pattern`. */
function sources(dir: string, pattern: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (name === 'node_modules') continue
    if (statSync(p).isDirectory()) sources(p, pattern, out)
    else if (pattern.test(name)) out.push(readFileSync(p, 'utf8'))
  }
  return out
}

/** The wx-server-sdk surface, each as the text that marks its use in a function and in a contract test. */
const SDK_CALLS: Record<string, RegExp> = {
  'cloud.init': /\bcloud\.init\(/,
  getWXContext: /\bgetWXContext\(/,
  callFunction: /\bcallFunction\(/,
  uploadFile: /\.uploadFile\(/,
  downloadFile: /\.downloadFile\(/,
  getTempFileURL: /\.getTempFileURL\(/,
  deleteFile: /\.deleteFile\(/,
  'openapi.subscribeMessage.send': /openapi\.subscribeMessage\.send\(/,
  'collection.add': /\.add\(\{/,
  'doc().get / where().get': /\.get\(\)/,
  count: /\.count\(\)/,
  update: /\.update\(\{/,
  set: /\.set\(\{/,
  remove: /\.remove\(\)/,
  where: /\.where\(/,
  orderBy: /\.orderBy\(/,
  skip: /\.skip\(/,
  limit: /\.limit\(/,
  field: /\.field\(/,
  aggregate: /\.aggregate\(\)/,
  runTransaction: /\.runTransaction\(/,
  startTransaction: /\.startTransaction\(/,
  serverDate: /\.serverDate\(/,
  RegExp: /\.RegExp\(/,
}
const COMMANDS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'and', 'or', 'nor', 'exists', 'elemMatch', 'all', 'size', 'set', 'inc', 'mul', 'push', 'pull', 'pullAll', 'addToSet', 'remove', 'min', 'max', 'rename', 'pop', 'shift', 'unshift']
for (const c of COMMANDS) SDK_CALLS[`command.${c}`] = new RegExp(`\\b_\\.${c}\\(`)

describe('contract tests cover every wx-server-sdk call the functions make', () => {
  // The functions' TypeScript sources (not the built bundles, which contain the SDK itself).
  const functionsCode = sources(join(root, 'cloudfunctions'), /\.ts$/).join('\n')
  // The contract tests, and the fixture functions they run in the emulator through the real SDK.
  const contractCode = [
    ...readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts') && f !== 'contract-coverage.test.ts')
      .map((f) => readFileSync(join(__dirname, f), 'utf8')),
    ...sources(join(__dirname, 'fixtures'), /\.js$/),
  ].join('\n')
  const used = Object.entries(SDK_CALLS).filter(([, re]) => re.test(functionsCode))

  it('finds the SDK calls the functions make', () => {
    expect(used.map(([name]) => name)).toEqual(expect.arrayContaining(['cloud.init', 'getWXContext', 'where', 'runTransaction']))
  })

  it.each(used)('%s is exercised by a contract test', (_name, re) => {
    expect(re.test(contractCode)).toBe(true)
  })
})
