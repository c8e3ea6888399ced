/**
 * The query and update operators CloudBase documents for `where()`, `count()`, `update()` and `remove()`, and nothing
 * more. mingo, which evaluates them here, knows far more of MongoDB (`$type`, `$regex` on its own, `$jsonSchema`,
 * `$setOnInsert`, `$currentDate`, `$bitsAllSet` …); CloudBase answers anything else with DATABASE_INVALID_OPERRATOR
 * ("不支持的操作或非法的数据库操作符"), so the local cloud does too — as strict as CloudBase, never kinder.
 *
 * Source: WeChat's database reference (云开发 › 数据库 › Command: addToSet all and bit elemMatch eq exists expr
 * geoIntersects geoNear geoWithin gt gte in inc lt lte max min mod mul neq nin nor not or pop pull pullAll push remove
 * rename set shift size unshift), in the form wx-server-sdk 4.0.2 (`@cloudbase/database` 1.4.3) puts them on the wire:
 * `neq` → `$ne`, `remove` → `$unset`, `shift` → `$pop: -1`, `unshift` → `$push` with `$each` + `$position`, `push({each,
 * position, sort, slice})` → `$each` `$position` `$sort` `$slice`, `geoNear` → `$nearSphere` with `$geometry`
 * `$maxDistance` `$minDistance`, `geoWithin({centerSphere})` → `$centerSphere`, `db.RegExp` → `$regex` + `$options`
 * (see /work/shared/notes/cloudbase-wire.md). `expr()` carries an aggregation expression: its operators are checked
 * against the aggregation list (aggregate-operators.ts).
 */
import { WireError } from '../wire-error'
import { CLOUDBASE_OPERATORS } from './aggregate-operators'

const dollar = (names: string[]) => new Set(names.map((n) => `$${n}`))

/** Query operators (Command 查询/逻辑/数组/地理位置), with the option keys their documented forms send. */
export const CLOUDBASE_QUERY_OPERATORS: ReadonlySet<string> = dollar([
  'eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin',
  'and', 'or', 'nor', 'not',
  'all', 'elemMatch', 'exists', 'size', 'mod',
  'expr',
  'nearSphere', 'geoWithin', 'geoIntersects', 'geometry', 'maxDistance', 'minDistance', 'centerSphere',
  'regex', 'options',
])

/** Update operators (Command 字段/数组更新). */
export const CLOUDBASE_UPDATE_OPERATORS: ReadonlySet<string> = dollar([
  'set', 'unset', 'inc', 'mul', 'min', 'max', 'rename', 'bit',
  'push', 'pop', 'pull', 'pullAll', 'addToSet',
])

/** What `push` / `unshift` / `addToSet({ $each })` write inside their value. */
const ARRAY_MODIFIERS: ReadonlySet<string> = dollar(['each', 'position', 'sort', 'slice'])

const refuse = (operator: string, where: string) =>
  new WireError('DATABASE_INVALID_OPERRATOR', `不支持的操作或非法的数据库操作符：${operator}（${where}；云开发数据库没有这个操作符）`)

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp)

/**
 * Throws DATABASE_INVALID_OPERRATOR at the first operator of a query (where / count / update's and remove's
 * condition) that CloudBase does not document. Inside `$expr` the aggregation expression list applies.
 */
export function checkCloudBaseQuery(criteria: unknown, where = '查询条件'): void {
  checkOperators(criteria, CLOUDBASE_QUERY_OPERATORS, where, (expression) =>
    checkOperators(expression, CLOUDBASE_OPERATORS, `${where}的 expr 聚合表达式`),
  )
}

/**
 * Walks `value` (objects and arrays, without recursion so a deep value cannot overflow the stack) and throws at the
 * first `$` key outside `allowed`. A `$expr` key, where `onExpr` is given, hands its value to `onExpr` instead: an
 * aggregation expression has its own operator list.
 */
function checkOperators(
  value: unknown,
  allowed: ReadonlySet<string>,
  where: string,
  onExpr?: (expression: unknown) => void,
): void {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (Array.isArray(v)) {
      stack.push(...v)
      continue
    }
    if (!isObject(v)) continue
    for (const [key, item] of Object.entries(v)) {
      if (key === '$expr' && onExpr) {
        onExpr(item)
        continue
      }
      if (key.startsWith('$') && !allowed.has(key)) throw refuse(key, where)
      stack.push(item)
    }
  }
}

/**
 * Throws DATABASE_INVALID_OPERRATOR at the first update operator CloudBase does not document, or a modifier inside
 * one that its documented form never sends. `update` holds operators only (plain fields are `$set` already).
 */
export function checkCloudBaseUpdate(update: Record<string, unknown>): void {
  for (const [op, fields] of Object.entries(update)) {
    if (!CLOUDBASE_UPDATE_OPERATORS.has(op)) throw refuse(op, '更新数据')
    if (!isObject(fields)) continue
    for (const value of Object.values(fields)) {
      if (op === '$pull') checkCloudBaseQuery(value, 'pull 的条件')
      else if ((op === '$push' || op === '$addToSet') && isObject(value)) {
        for (const key of Object.keys(value)) {
          if (key.startsWith('$') && !ARRAY_MODIFIERS.has(key)) throw refuse(key, `${op.slice(1)} 的参数`)
        }
      }
    }
  }
}
