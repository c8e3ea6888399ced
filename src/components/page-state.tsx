import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Empty, Icon, Loading } from './ui'
import './page-state.scss'

export type PageStateProps =
  | { status: 'loading'; text?: string }
  | { status: 'error'; message: string; onRetry?: () => void; retryText?: string }
  | { status: 'empty'; description: string; action?: ReactNode }

/** The one way every page shows loading, a failure with 重试, or an empty list. */
export function PageState(props: PageStateProps) {
  if (props.status === 'loading') {
    return (
      <View className="page-state">
        <Loading text={props.text ?? '加载中…'} />
      </View>
    )
  }
  if (props.status === 'error') {
    return (
      <View className="page-state page-state--error">
        <Icon name="error-circle" size={96} color="#d54941" />
        <Text className="page-state__message">{props.message}</Text>
        {props.onRetry ? (
          <Button theme="primary" variant="outline" size="medium" onClick={props.onRetry}>
            {props.retryText ?? '重试'}
          </Button>
        ) : null}
      </View>
    )
  }
  return (
    <View className="page-state">
      <Empty description={props.description} action={props.action} />
    </View>
  )
}
