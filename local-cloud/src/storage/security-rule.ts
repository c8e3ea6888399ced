/**
 * CloudBase storage security rules (云存储安全规则), enforced on client requests only — cloud functions and the console
 * are admin and always pass. A rule is `{ read, write }`, each a boolean or an expression over `auth` (the signed-in
 * client: `auth.openid` for WeChat users; `null` when signed out) and `resource` (the file: `resource.openid` is its
 * creator's openid). `write` covers upload, overwrite and delete; a file that does not exist yet is owned by its
 * uploader, so `resource.openid == auth.openid` lets anyone create a file but only its creator overwrite it.
 * Presets are the console's four basic permissions written as such rules.
 *
 * Expressions: `==`, `!=`, `&&`, `||`, `!`, parentheses, dotted names, string / number / true / false / null literals.
 * Anything else is refused when the rule is loaded, as CloudBase refuses to save it.
 */
export type RuleValue = boolean | string
export interface StorageRule {
  read: RuleValue
  write: RuleValue
}
export type StorageRulePreset = 'ADMINONLY' | 'ADMINWRITE' | 'PRIVATE' | 'READONLY'

const OWNER = 'resource.openid == auth.openid'
export const PRESETS: Record<StorageRulePreset, StorageRule> = {
  ADMINONLY: { read: false, write: false },
  ADMINWRITE: { read: true, write: false },
  PRIVATE: { read: OWNER, write: OWNER },
  READONLY: { read: true, write: OWNER },
}

export interface RuleContext {
  auth: { openid: string; loginType: string } | null
  resource: { openid: string | null; path: string }
}

type Node =
  | { kind: 'lit'; value: unknown }
  | { kind: 'ref'; path: string[] }
  | { kind: 'not'; arg: Node }
  | { kind: 'bin'; op: '==' | '!=' | '&&' | '||'; left: Node; right: Node }

function tokenize(src: string): string[] {
  const tokens: string[] = []
  const re = /\s*(==|!=|&&|\|\||!|\(|\)|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*/y
  let pos = 0
  while (pos < src.length) {
    re.lastIndex = pos
    const m = re.exec(src)
    if (!m) throw new Error(`存储安全规则无法解析（位置 ${pos}）：${src}`)
    tokens.push(m[1])
    pos = re.lastIndex
  }
  return tokens
}

function parse(src: string): Node {
  const tokens = tokenize(src)
  let i = 0
  const peek = () => tokens[i]
  const expect = (t: string) => {
    if (tokens[i] !== t) throw new Error(`存储安全规则缺少 ${t}：${src}`)
    i++
  }
  const primary = (): Node => {
    const t = tokens[i++]
    if (t === undefined) throw new Error(`存储安全规则不完整：${src}`)
    if (t === '(') {
      const inner = or()
      expect(')')
      return inner
    }
    if (t === '!') return { kind: 'not', arg: primary() }
    if (t === 'true' || t === 'false') return { kind: 'lit', value: t === 'true' }
    if (t === 'null') return { kind: 'lit', value: null }
    if (/^['"]/.test(t)) return { kind: 'lit', value: t.slice(1, -1).replace(/\\(.)/g, '$1') }
    if (/^-?\d/.test(t)) return { kind: 'lit', value: Number(t) }
    if (/^[A-Za-z_$]/.test(t)) {
      const path = t.split('.')
      if (path[0] !== 'auth' && path[0] !== 'resource') throw new Error(`存储安全规则只能使用 auth 和 resource：${t}`)
      return { kind: 'ref', path }
    }
    throw new Error(`存储安全规则中的 ${t} 无法识别：${src}`)
  }
  const equality = (): Node => {
    let left = primary()
    while (peek() === '==' || peek() === '!=') {
      const op = tokens[i++] as '==' | '!='
      left = { kind: 'bin', op, left, right: primary() }
    }
    return left
  }
  const and = (): Node => {
    let left = equality()
    while (peek() === '&&') {
      i++
      left = { kind: 'bin', op: '&&', left, right: equality() }
    }
    return left
  }
  const or = (): Node => {
    let left = and()
    while (peek() === '||') {
      i++
      left = { kind: 'bin', op: '||', left, right: and() }
    }
    return left
  }
  const tree = or()
  if (i !== tokens.length) throw new Error(`存储安全规则多余的内容：${tokens.slice(i).join(' ')}`)
  return tree
}

function evaluate(node: Node, ctx: RuleContext): unknown {
  switch (node.kind) {
    case 'lit':
      return node.value
    case 'ref': {
      let cur: unknown = ctx
      for (const part of node.path) cur = cur === null || cur === undefined ? undefined : (cur as Record<string, unknown>)[part]
      return cur === undefined ? null : cur
    }
    case 'not':
      return !evaluate(node.arg, ctx)
    case 'bin': {
      if (node.op === '&&') return Boolean(evaluate(node.left, ctx)) && Boolean(evaluate(node.right, ctx))
      if (node.op === '||') return Boolean(evaluate(node.left, ctx)) || Boolean(evaluate(node.right, ctx))
      const [l, r] = [evaluate(node.left, ctx), evaluate(node.right, ctx)]
      return node.op === '==' ? l === r : l !== r
    }
  }
}

/** A loaded rule: `allows('write', ctx)`. */
export class CompiledStorageRule {
  private readonly read: Node
  private readonly write: Node

  constructor(readonly source: StorageRule) {
    const compile = (v: RuleValue): Node => (typeof v === 'boolean' ? { kind: 'lit', value: v } : parse(v))
    this.read = compile(source.read)
    this.write = compile(source.write)
  }

  allows(operation: 'read' | 'write', ctx: RuleContext): boolean {
    return evaluate(operation === 'read' ? this.read : this.write, ctx) === true
  }
}

/** A preset name or a custom rule object; anything else is refused. */
export function compileStorageRule(rule: unknown): CompiledStorageRule {
  if (typeof rule === 'string') {
    const preset = PRESETS[rule as StorageRulePreset]
    if (!preset) throw new Error(`未知的存储权限：${rule}（可用 ${Object.keys(PRESETS).join('、')} 或自定义规则）`)
    return new CompiledStorageRule(preset)
  }
  const r = rule as Partial<StorageRule> | null
  const ok = (v: unknown) => typeof v === 'boolean' || typeof v === 'string'
  if (!r || typeof r !== 'object' || !ok(r.read ?? false) || !ok(r.write ?? false)) throw new Error('存储安全规则必须是 { read, write }，值为布尔或表达式字符串')
  return new CompiledStorageRule({ read: r.read ?? false, write: r.write ?? false })
}
