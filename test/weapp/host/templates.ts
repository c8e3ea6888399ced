/**
 * What the view layer would do with a Taro page's data, read from the build itself: base.wxml says, for each node
 * type (`nn`), which tag it renders, which data key feeds which attribute and which events reach `eh`; utils.wxs
 * (run as the ES5 module it is) picks the template for each node, including the depth where WeChat's missing template
 * recursion hands the subtree to the `comp` custom component.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import vm from 'node:vm'

export interface NodeTemplate {
  /** Template name, e.g. `tmpl_0_5`. */
  name: string
  /** The element it renders: `view`, `text`, `t-button`, … (`#text` for text nodes). */
  tag: string
  /** Data key (`p3`, `cl`, `theme`) → attribute name (`selectable`, `class`, `theme`). */
  attributes: Map<string, string>
  /** Events bound to the page's `eh`, with whether the binding stops propagation (`catch`). */
  events: Map<string, 'bind' | 'catch'>
}

export interface TemplateSet {
  byName: Map<string, NodeTemplate>
  /** The first-level template of each node type, keyed by `nn`. */
  byNodeName: Map<string, NodeTemplate>
  /** utils.wxs `a(level, nn, path)`: the template name WeChat renders a child with. */
  pick(level: number, nn: string, path: string): string
  /** utils.wxs `f(path, nn)`: the path string passed down to children. */
  extendPath(path: string, nn: string): string
  /** The name of the template that hands a subtree to the `comp` component. */
  containerPattern: RegExp
}

const TEMPLATE = /<template name="([^"]+)">\s*([\s\S]*?)\n<\/template>/g
const OPEN_TAG = /^<([a-zA-Z0-9-]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/
const ATTRIBUTE = /([^\s=]+)="([^"]*)"/g

function parseTemplate(name: string, body: string): NodeTemplate | null {
  const trimmed = body.trim()
  if (trimmed.startsWith('<block>{{i.v}}</block>')) {
    return { name, tag: '#text', attributes: new Map([['v', 'text']]), events: new Map() }
  }
  const open = OPEN_TAG.exec(trimmed)
  if (!open) return null
  const attributes = new Map<string, string>()
  const events = new Map<string, 'bind' | 'catch'>()
  for (const [, attr, value] of open[2].matchAll(ATTRIBUTE)) {
    const event = /^(bind|catch):?(.+)$/.exec(attr)
    if (event && value === 'eh') {
      events.set(event[2], event[1] as 'bind' | 'catch')
      continue
    }
    const key = /\{\{[^}]*?\bi\.([a-zA-Z0-9_]+)/.exec(value)?.[1]
    if (key) attributes.set(key, attr)
  }
  return { name, tag: open[1], attributes, events }
}

export function loadTemplates(dist: string): TemplateSet {
  const base = readFileSync(join(dist, 'base.wxml'), 'utf8')
  const byName = new Map<string, NodeTemplate>()
  for (const [, name, body] of base.matchAll(TEMPLATE)) {
    const parsed = parseTemplate(name, body)
    if (parsed) byName.set(name, parsed)
  }
  const byNodeName = new Map<string, NodeTemplate>()
  for (const [name, t] of byName) {
    const m = /^tmpl_0_(.+)$/.exec(name)
    if (m) byNodeName.set(m[1], t)
  }
  const moduleObject = { exports: {} as Record<string, (...args: unknown[]) => unknown> }
  vm.runInNewContext(readFileSync(join(dist, 'utils.wxs'), 'utf8'), { module: moduleObject }, { filename: 'utils.wxs' })
  const xs = moduleObject.exports
  return {
    byName,
    byNodeName,
    pick: (level, nn, path) => String(xs.a(level, nn, path)),
    extendPath: (path, nn) => String(xs.f(path, nn)),
    containerPattern: /^tmpl_\d+_container$/,
  }
}
