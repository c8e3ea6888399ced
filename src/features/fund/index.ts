export * from './api'
export { useReport, type ReportLevel } from './use-report'
export { ReportCharts, ReportFigures, ReportTables } from './report-view'
export { useBatch } from './use-batch'
