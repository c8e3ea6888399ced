// Same-interface platform files: Taro resolves `./display` to display.weapp.tsx or display.h5.tsx per target.
export * from './display'
export * from './form'
export * from './feedback'
export type * from './display.types'
export type * from './form.types'
export type * from './feedback.types'
