/**
 * What CloudBase accepts in a collection's index declarations, checked when the emulator starts so a declaration
 * the deploy would fail on fails here first (never kinder than CloudBase):
 *
 * - at most 100 indexes per collection and 31 fields per index (CloudBase FAQ «索引创建数量有限制吗»);
 * - an index name of 1–64 characters (the database plugin's createIndexes), unique within the collection;
 * - each key 1 or -1; field names as CloudBase allows them in documents — letters, digits, underscores, dot paths, at
 *   most 32 characters, not starting with an underscore (FAQ «数据库文档 field 格式有何限制») — except the system
 *   fields `_id` and `_openid`;
 * - no index on `_id` alone: every collection already has it, and MongoDB (under CloudBase) refuses a second one
 *   under another name. `_id` as the last key of a compound index (the keyset pages' tie-breaker) is a plain
 *   MongoDB compound index; CloudBase's documents do not forbid it (checked: the index management pages and FAQ, no
 *   statement either way), so it is accepted.
 */
import type { IndexDeclaration } from './ordered-index'

export const MAX_INDEXES = 100
export const MAX_INDEX_FIELDS = 31
const MAX_NAME = 64
const SYSTEM_FIELDS = new Set(['_id', '_openid'])
const FIELD_PART = /^[A-Za-z0-9][A-Za-z0-9_]{0,31}$/

/** The problems with one collection's declarations, in words; empty when CloudBase would take them. */
export function indexDeclarationProblems(collection: string, indexes: readonly IndexDeclaration[]): string[] {
  const problems: string[] = []
  if (indexes.length > MAX_INDEXES) problems.push(`${collection}: ${indexes.length} 个索引，超过 CloudBase 每个集合 ${MAX_INDEXES} 个的上限`)
  const names = new Set<string>()
  for (const index of indexes) {
    const where = `${collection}.${index.name}`
    if (!index.name || index.name.length > MAX_NAME) problems.push(`${where}: 索引名须为 1–${MAX_NAME} 个字符`)
    if (names.has(index.name)) problems.push(`${where}: 索引名重复`)
    names.add(index.name)
    const fields = Object.keys(index.keys)
    if (fields.length === 0) problems.push(`${where}: 索引没有字段`)
    if (fields.length > MAX_INDEX_FIELDS) problems.push(`${where}: ${fields.length} 个字段，超过每个索引 ${MAX_INDEX_FIELDS} 个的上限`)
    if (fields.length === 1 && fields[0] === '_id') problems.push(`${where}: _id 已有默认索引，不能再单独声明`)
    for (const field of fields) {
      const direction = index.keys[field]
      if (direction !== 1 && direction !== -1) problems.push(`${where}: 字段 ${field} 的方向须为 1 或 -1`)
      if (SYSTEM_FIELDS.has(field)) continue
      const parts = field.split('.')
      if (field.length > 32 || parts.some((p) => !FIELD_PART.test(p))) {
        problems.push(`${where}: 字段名 ${field} 不符合 CloudBase 的字段格式（字母、数字、下划线、点，不超过 32 位，不以下划线开头）`)
      }
    }
  }
  return problems
}
