/**
 * Weapp side of the display kit: native tdesign-miniprogram components (declared in app.config.ts).
 * Taro builds each native component's template from the props written literally in this JSX, so every
 * prop is spelled out here (no spreading) and has a concrete default.
 */
import { Image, Slot, View } from '@tarojs/components'
import type {
  ButtonProps,
  CellGroupProps,
  CellProps,
  EmptyProps,
  IconProps,
  LoadingProps,
  PhotoProps,
  StepsProps,
  TabsProps,
  TagProps,
} from './display.types'

export function Button({ children, theme = 'default', variant = 'base', size = 'medium', block = false, disabled = false, loading = false, onClick, className = '' }: ButtonProps) {
  return (
    <t-button
      class={`ui-button ${className}`}
      theme={theme}
      variant={variant}
      size={size}
      block={block}
      disabled={disabled}
      loading={loading}
      onTap={() => onClick?.()}
    >
      {children}
    </t-button>
  )
}

export function Cell({ title, description, note, arrow = false, required = false, onClick }: CellProps) {
  const plain = (v: unknown) => typeof v === 'string' || typeof v === 'number'
  return (
    <t-cell
      title={plain(title) ? String(title) : ''}
      description={plain(description) ? String(description) : ''}
      note={plain(note) ? String(note) : ''}
      arrow={arrow}
      required={required}
      hover={Boolean(onClick)}
      onClick={() => onClick?.()}
    >
      {!plain(title) && title ? <Slot name="title">{title}</Slot> : null}
      {!plain(description) && description ? <Slot name="description">{description}</Slot> : null}
      {!plain(note) && note ? <Slot name="note">{note}</Slot> : null}
    </t-cell>
  )
}

export function CellGroup({ title = '', theme = 'card', children }: CellGroupProps) {
  return (
    <t-cell-group title={title} theme={theme}>
      {children}
    </t-cell-group>
  )
}

export function Tag({ children, theme = 'default', variant = 'light', size = 'medium' }: TagProps) {
  return (
    <t-tag theme={theme} variant={variant} size={size}>
      {children}
    </t-tag>
  )
}

export function Empty({ description, action }: EmptyProps) {
  return (
    <t-empty description={description} icon="info-circle-filled">
      {action ? <Slot name="action">{action}</Slot> : null}
    </t-empty>
  )
}

export function Loading({ text = '加载中…', block = false }: LoadingProps) {
  const indicator = <t-loading theme="circular" size="48rpx" text={text} layout="vertical" />
  return block ? <View className="ui-loading-block">{indicator}</View> : indicator
}

export function Steps({ current, items, layout = 'horizontal', currentStatus = 'process' }: StepsProps) {
  return (
    <View className="ui-steps">
      <t-steps current={current} layout={layout} current-status={currentStatus} readonly>
        {items.map((item) => (
          <t-step-item key={item.title} title={item.title} content={item.content ?? ''} />
        ))}
      </t-steps>
    </View>
  )
}

export function Tabs<V extends string>({ value, items, onChange }: TabsProps<V>) {
  return (
    <t-tabs value={value} onChange={(e: { detail: { value: string } }) => onChange(e.detail.value as V)}>
      {items.map((item) => (
        <t-tab-panel key={item.value} value={item.value} label={item.label} />
      ))}
    </t-tabs>
  )
}

export function Icon({ name, size = 48, color = '' }: IconProps) {
  return <t-icon name={name} size={`${size}rpx`} color={color} />
}

// WeChat's screen reader reads an image only when it has `aria-role="img"` and an `aria-label` (the image template
// carries both: config/plugins/weapp-aria.ts). A decorative picture (alt '') gets neither and is skipped.
export function Photo({ src, alt, className = '', onClick }: PhotoProps) {
  const named = alt ? { 'aria-role': 'img', 'aria-label': alt } : {}
  return <Image className={className} src={src} mode="aspectFill" {...named} onClick={onClick ? () => onClick() : undefined} />
}
