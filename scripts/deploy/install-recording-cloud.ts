/**
 * For `npm run deploy -- --dry-run`: puts the recording stand-in for CloudBase (recording-cloud.ts) in the place of
 * `node-fetch` — the HTTP transport of @cloudbase/manager-node (lib/utils/http-request.js) — before manager-node is
 * loaded, so the real manager-node builds, signs and sends every request, and the stand-in checks and answers it.
 * (The deploy test does the same with jest.mock('node-fetch').)
 */
import { dirname } from 'node:path'
import type CloudBaseManager from '@cloudbase/manager-node'
import { RecordingCloud, type RecordingCloudOptions } from './recording-cloud'

export function installRecordingCloud(options: RecordingCloudOptions): { cloud: RecordingCloud; CloudBase: typeof CloudBaseManager } {
  const managerEntry = require.resolve('@cloudbase/manager-node')
  const transport = require.resolve('node-fetch', { paths: [dirname(managerEntry)] })
  if (require.cache[managerEntry]) throw new Error('manager-node 已加载：记录用的云端替身必须在它之前装上')
  const cloud = new RecordingCloud(options)
  const fetch = (url: string, init: Parameters<RecordingCloud['fetch']>[1]) => cloud.fetch(url, init)
  require.cache[transport] = { id: transport, filename: transport, loaded: true, exports: fetch, children: [], paths: [] } as unknown as NodeModule
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node') as typeof CloudBaseManager
  return { cloud, CloudBase }
}
