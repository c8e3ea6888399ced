import {
  Button as TButton,
  Cell as TCell,
  CellGroup as TCellGroup,
  Empty as TEmpty,
  Loading as TLoading,
  StepItem,
  Steps as TSteps,
  TabPanel,
  Tabs as TTabs,
  Tag as TTag,
} from 'tdesign-mobile-react'
import { Image } from '@tarojs/components'
import {
  AddCircleIcon,
  AlarmIcon,
  CertificateIcon,
  ChartBarIcon,
  CheckCircleIcon,
  ChevronRightIcon,
  CityIcon,
  Edit1Icon,
  ErrorCircleIcon,
  FilePasteIcon,
  HelpCircleIcon,
  InfoCircleIcon,
  NotificationIcon,
  SecuredIcon,
  SettingIcon,
  SwapIcon,
  TaskCheckedIcon,
  UserAddIcon,
  UserIcon,
  UsergroupIcon,
  ViewListIcon,
  WalletIcon,
} from 'tdesign-icons-react'
import type {
  ButtonProps,
  CellGroupProps,
  CellProps,
  EmptyProps,
  IconName,
  IconProps,
  LoadingProps,
  PhotoProps,
  StepsProps,
  TabsProps,
  TagProps,
} from './display.types'
import { useButtonRole, useTabsA11y } from './tdesign-a11y'
import './display.h5.scss'

export function Button({ children, theme = 'default', variant = 'base', size = 'medium', block, disabled, loading, onClick, className }: ButtonProps) {
  return (
    <TButton
      className={className ? `ui-button ${className}` : 'ui-button'}
      theme={theme}
      variant={variant}
      size={size}
      block={block}
      disabled={disabled}
      loading={loading}
      onClick={() => onClick?.()}
    >
      {children}
    </TButton>
  )
}

export function Cell({ title, description, note, arrow, required, onClick }: CellProps) {
  const button = useButtonRole('', onClick ?? null)
  return (
    <TCell
      {...button}
      title={title}
      description={description}
      note={note}
      arrow={arrow}
      required={required}
      hover={Boolean(onClick)}
      onClick={onClick ? () => onClick() : undefined}
    />
  )
}

export function CellGroup({ title, theme = 'card', children }: CellGroupProps) {
  return (
    <TCellGroup title={title} theme={theme}>
      {children}
    </TCellGroup>
  )
}

export function Tag({ children, theme = 'default', variant = 'light', size = 'medium' }: TagProps) {
  return (
    <TTag theme={theme} variant={variant} size={size}>
      {children}
    </TTag>
  )
}

export function Empty({ description, action }: EmptyProps) {
  return <TEmpty icon={<InfoCircleIcon size="48px" color="rgba(0, 0, 0, 0.26)" />} description={description} action={action ? <div className="ui-empty-action">{action}</div> : undefined} />
}

export function Loading({ text = '加载中…', block }: LoadingProps) {
  const indicator = <TLoading text={text} layout="vertical" />
  return block ? <div className="ui-loading-block">{indicator}</div> : indicator
}

export function Steps({ current, items, layout = 'horizontal', currentStatus = 'process' }: StepsProps) {
  return (
    <div className="ui-steps">
      <TSteps current={current} layout={layout} currentStatus={currentStatus} readonly>
        {items.map((item) => (
          <StepItem key={item.title} title={item.title} content={item.content} />
        ))}
      </TSteps>
    </div>
  )
}

export function Tabs<V extends string>({ value, items, onChange }: TabsProps<V>) {
  const a11y = useTabsA11y()
  return (
    <div className="ui-tabs" {...a11y}>
      <TTabs value={value} onChange={(next) => onChange(String(next) as V)}>
        {items.map((item) => (
          <TabPanel key={item.value} value={item.value} label={item.label} />
        ))}
      </TTabs>
    </div>
  )
}

const ICONS: Record<IconName, typeof SecuredIcon> = {
  secured: SecuredIcon,
  setting: SettingIcon,
  alarm: AlarmIcon,
  'add-circle': AddCircleIcon,
  'file-paste': FilePasteIcon,
  notification: NotificationIcon,
  usergroup: UsergroupIcon,
  'edit-1': Edit1Icon,
  'view-list': ViewListIcon,
  certificate: CertificateIcon,
  city: CityIcon,
  'task-checked': TaskCheckedIcon,
  'user-add': UserAddIcon,
  wallet: WalletIcon,
  'chart-bar': ChartBarIcon,
  'chevron-right': ChevronRightIcon,
  user: UserIcon,
  swap: SwapIcon,
  'error-circle': ErrorCircleIcon,
  'check-circle': CheckCircleIcon,
  'info-circle': InfoCircleIcon,
  'help-circle': HelpCircleIcon,
}

export function Icon({ name, size = 48, color }: IconProps) {
  const Glyph = ICONS[name]
  return <Glyph size={`${size / 2}px`} color={color} />
}

// Taro's H5 image is a custom element around an <img>: `alt` must go through nativeProps to reach the <img>.
export function Photo({ src, alt, className, onClick }: PhotoProps) {
  return <Image className={className} src={src} mode="aspectFill" nativeProps={{ alt }} onClick={onClick ? () => onClick() : undefined} />
}
