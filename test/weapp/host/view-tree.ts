/**
 * The page as the view layer would render it: the `root` data a Taro page sends with setData, walked with the
 * templates of the build (templates.ts). Each node knows its tag, attributes, text, the events it binds and whether it
 * is rendered by the page itself or inside a `comp` component (Taro's fallback past WeChat's template depth): a
 * custom component there is found only if `comp.json` or app.json declares it.
 */
import type { NodeTemplate, TemplateSet } from './templates'

export interface ViewNode {
  nn: string
  tag: string
  /** Taro's id for the node (`data-sid`); events are routed by it. */
  sid: string
  /** An id the app set itself (`id="…"`), if any. */
  uid: string | undefined
  className: string
  attrs: Record<string, unknown>
  /** Own text for text nodes. */
  text: string | undefined
  children: ViewNode[]
  parent: ViewNode | null
  template: NodeTemplate
  /** `page`, or `comp` when the node renders inside Taro's recursion component. */
  owner: 'page' | 'comp'
}

export interface RenderProblem {
  sid: string
  message: string
}

/** Attributes whose text a person reads on screen (TDesign components take their labels as properties). */
const VISIBLE_ATTRIBUTES = ['label', 'title', 'description', 'note', 'content', 'text', 'tips']

interface RawNode {
  nn: string
  sid?: string
  uid?: string
  cn?: RawNode[]
  v?: string
  [key: string]: unknown
}

export function buildTree(root: { cn?: RawNode[] } | undefined, templates: TemplateSet, problems: RenderProblem[]): ViewNode {
  const top: ViewNode = {
    nn: 'root',
    tag: 'page',
    sid: 'root',
    uid: undefined,
    className: '',
    attrs: {},
    text: undefined,
    children: [],
    parent: null,
    template: { name: 'taro_tmpl', tag: 'page', attributes: new Map(), events: new Map() },
    owner: 'page',
  }

  function visit(raw: RawNode, templateName: string, level: number, path: string, owner: 'page' | 'comp', parent: ViewNode): void {
    let name = templateName
    let childLevel = level
    let childPath = path
    let nodeOwner = owner
    if (templates.containerPattern.test(name)) {
      if (raw.nn === '9') name = 'tmpl_0_9'
      else {
        // <comp i="{{i}}"/>: comp.wxml renders the node with tmpl_0_<nn>, its children from level 1 again.
        nodeOwner = 'comp'
        name = `tmpl_0_${raw.nn}`
        childLevel = 1
        childPath = templates.extendPath('', raw.nn)
      }
    }
    const template = templates.byName.get(name)
    if (!template) {
      problems.push({ sid: String(raw.sid ?? '?'), message: `WXML 中没有模板 ${name}（节点类型 ${raw.nn}），这部分页面不会显示` })
      return
    }
    const attrs: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'cn' || key === 'nn' || key === 'sid' || key === 'uid') continue
      attrs[template.attributes.get(key) ?? key] = value
    }
    const node: ViewNode = {
      nn: raw.nn,
      tag: template.tag,
      sid: String(raw.sid ?? ''),
      uid: typeof raw.uid === 'string' ? raw.uid : undefined,
      className: typeof attrs.class === 'string' ? attrs.class : '',
      attrs,
      text: template.tag === '#text' ? String(raw.v ?? '') : undefined,
      children: [],
      parent,
      template,
      owner: nodeOwner,
    }
    parent.children.push(node)
    for (const child of raw.cn ?? []) {
      visit(child, templates.pick(childLevel, child.nn, childPath), childLevel + 1, templates.extendPath(childPath, child.nn), nodeOwner, node)
    }
  }

  for (const raw of root?.cn ?? []) visit(raw, templates.pick(0, raw.nn, ''), 1, templates.extendPath('', raw.nn), 'page', top)
  return top
}

export function* walk(node: ViewNode): Generator<ViewNode> {
  yield node
  for (const child of node.children) yield* walk(child)
}

/** The text a person sees in and under `node`, including TDesign labels given as properties. */
export function visibleText(node: ViewNode): string {
  if (node.text !== undefined) return node.text
  const own = node.tag.startsWith('t-') || node.tag === 'picker'
    ? VISIBLE_ATTRIBUTES.map((a) => node.attrs[a]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').join(' ')
    : ''
  const inner = node.children.map(visibleText).join('')
  return own && inner ? `${own} ${inner}` : own || inner
}

export function hasClass(node: ViewNode, name: string): boolean {
  return node.className.split(/\s+/).includes(name)
}

/** A compact outline for failure messages: tags, classes and texts, indented. */
export function outline(node: ViewNode, depth = 0, max = 400): string {
  const lines: string[] = []
  const visit = (n: ViewNode, d: number) => {
    if (lines.length >= max) return
    if (n.text !== undefined) {
      if (n.text.trim()) lines.push(`${'  '.repeat(d)}"${n.text.trim()}"`)
      return
    }
    const labels = VISIBLE_ATTRIBUTES.filter((a) => typeof n.attrs[a] === 'string' && n.attrs[a]).map((a) => `${a}="${String(n.attrs[a])}"`)
    const flags = ['disabled', 'loading', 'checked'].filter((a) => n.attrs[a] === true).map((a) => a)
    lines.push(`${'  '.repeat(d)}<${n.tag}${n.className ? ` .${n.className.trim().split(/\s+/).join('.')}` : ''}${[...labels, ...flags].map((x) => ` ${x}`).join('')}>`)
    for (const c of n.children) visit(c, d + 1)
  }
  visit(node, depth)
  return lines.join('\n')
}
