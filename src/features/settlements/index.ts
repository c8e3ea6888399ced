// The settlements feature (免申即享 import): the office's page model and its result view.
export { settlementsApi } from './api'
export { useSettlementImport } from './use-settlement-import'
export { ImportResult } from './import-result'
