/**
 * The aggregation stages and operators CloudBase documents, and nothing more. The emulator computes pipelines with
 * mingo, which knows far more of MongoDB (`$facet`, `$toDate`, `$dateDiff`, `$type`, `$count` as a `$group`
 * accumulator …); CloudBase's database documents only the set below, so a pipeline that works here must not use
 * anything else — the local cloud refuses it, as strict as CloudBase, never kinder.
 *
 * Source: WeChat's database reference (云开发 › 数据库 › Aggregate 聚合阶段 and AggregateCommand 聚合操作符: 算术, 数组,
 * 布尔, 比较, 条件, 日期, 常量, 对象, 集合, 字符串, 累计器, 变量) and its query commands (Command 查询指令), which are the
 * methods of wx-server-sdk 4.0.2's own `db.collection().aggregate()` and `db.command.aggregate` / `db.command`
 * (`@cloudbase/database`): one list, read off the SDK the functions run on.
 */
import { WireError } from '../wire-error'

/** Pipeline stages (Aggregate.addFields … unwind). */
export const CLOUDBASE_STAGES: ReadonlySet<string> = new Set(
  ['addFields', 'bucket', 'bucketAuto', 'count', 'geoNear', 'group', 'limit', 'match', 'project', 'lookup', 'replaceRoot', 'sample', 'skip', 'sort', 'sortByCount', 'unwind'].map((n) => `$${n}`),
)

/** Expression operators and accumulators (AggregateCommand.*; `neq` is sent as `$ne`). */
const EXPRESSIONS = [
  // 算术
  'abs', 'add', 'ceil', 'divide', 'exp', 'floor', 'ln', 'log', 'log10', 'mod', 'multiply', 'pow', 'sqrt', 'subtract', 'trunc',
  // 数组
  'arrayElemAt', 'arrayToObject', 'concatArrays', 'filter', 'in', 'indexOfArray', 'isArray', 'map', 'range', 'reduce', 'reverseArray', 'size', 'slice', 'zip',
  // 布尔, 比较, 条件
  'and', 'not', 'or', 'cmp', 'eq', 'gt', 'gte', 'lt', 'lte', 'ne', 'cond', 'ifNull', 'switch',
  // 日期
  'dateFromParts', 'dateFromString', 'dayOfMonth', 'dayOfWeek', 'dayOfYear', 'isoDayOfWeek', 'isoWeek', 'isoWeekYear', 'millisecond', 'minute', 'month', 'second', 'hour', 'week', 'year',
  // 常量, 对象, 集合
  'literal', 'mergeObjects', 'objectToArray', 'allElementsTrue', 'anyElementTrue', 'setDifference', 'setEquals', 'setIntersection', 'setIsSubset', 'setUnion',
  // 字符串
  'concat', 'dateToString', 'indexOfBytes', 'indexOfCP', 'split', 'strLenBytes', 'strLenCP', 'strcasecmp', 'substr', 'substrBytes', 'substrCP', 'toLower', 'toUpper',
  // 文本, 累计器, 变量
  'meta', 'addToSet', 'avg', 'first', 'last', 'max', 'min', 'push', 'stdDevPop', 'stdDevSamp', 'sum', 'let',
]

/**
 * Query operators a `$match` (or a `$lookup` sub-pipeline's) may use (Command.*), with the option keys their
 * documented forms write (`db.RegExp` → `$regex`/`$options`, `geoNear`/`geoWithin`/`geoIntersects`, `text`). Not
 * among them: `$type`, `$where`.
 */
const QUERY = [
  'eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'all', 'elemMatch', 'exists', 'size', 'mod', 'and', 'nor', 'or', 'not', 'expr', 'jsonSchema',
  'geoNear', 'geoWithin', 'geoIntersects', 'geometry', 'maxDistance', 'minDistance', 'centerSphere',
  'text', 'search', 'language', 'caseSensitive', 'diacriticSensitive',
  'regex', 'options',
]

export const CLOUDBASE_OPERATORS: ReadonlySet<string> = new Set([...EXPRESSIONS, ...QUERY].map((n) => `$${n}`))

const refuse = (message: string) => new WireError('DATABASE_REQUEST_FAILED', message)

/**
 * Throws, naming it, at the first stage or operator of `pipeline` that CloudBase does not document. Field paths and
 * variables (`'$amount'`, `'$$ROOT'`) are values, not keys, and pass.
 */
export function checkCloudBasePipeline(pipeline: readonly unknown[]): void {
  for (const stage of pipeline) {
    if (stage === null || typeof stage !== 'object' || Array.isArray(stage)) throw refuse('聚合阶段格式无效')
    const keys = Object.keys(stage)
    if (keys.length !== 1) throw refuse(`每个聚合阶段只能有一个操作：${keys.join(', ')}`)
    const name = keys[0]
    if (!CLOUDBASE_STAGES.has(name)) throw refuse(`Unrecognized pipeline stage name: '${name}'（云开发数据库不支持聚合阶段 ${name}）`)
    const value = (stage as Record<string, unknown>)[name]
    if (name === '$lookup' && value !== null && typeof value === 'object' && Array.isArray((value as { pipeline?: unknown }).pipeline)) {
      const { pipeline: inner, ...rest } = value as { pipeline: unknown[] }
      checkCloudBasePipeline(inner)
      checkOperators(rest, name)
    } else checkOperators(value, name)
  }
}

function checkOperators(value: unknown, stage: string): void {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof RegExp) continue
    if (Array.isArray(v)) {
      stack.push(...v)
      continue
    }
    for (const [key, item] of Object.entries(v)) {
      if (key.startsWith('$') && !CLOUDBASE_OPERATORS.has(key)) {
        throw refuse(`Unrecognized expression or operator '${key}' in ${stage}（云开发数据库不支持聚合操作符 ${key}）`)
      }
      stack.push(item)
    }
  }
}
