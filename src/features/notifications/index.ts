// The notifications feature's public face (other features import only this file).
export * from './subscribe'
