import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { runtimeNode } from '../../local-cloud/src/launch/runtime-node'

/** A free loopback port: listen on 0, read the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface EmulatorOptions {
  root: string
  port: number
  dataDir: string
  staticDir: string
  env?: Record<string, string>
  /** `--fault-injection`: the `/local/faults/*` routes (a spec cuts a call off at a write); never on for `npm start`. */
  faultInjection?: boolean
}

/** The local CloudBase emulator as a child process, restartable on the same port and data directory. */
export class EmulatorProcess {
  private child: ChildProcess | null = null
  private log = ''

  constructor(private readonly options: EmulatorOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`
  }

  /** Last lines the emulator printed, for failure messages. */
  tail(): string {
    return this.log.split('\n').slice(-20).join('\n')
  }

  start(timeoutMs = 60_000): Promise<void> {
    const { root, port, dataDir, staticDir, env, faultInjection } = this.options
    const child = spawn(
      runtimeNode(root).execPath,
      ['--import', 'tsx', 'local-cloud/src/cli.ts', '--port', String(port), '--data', dataDir, '--static', staticDir, ...(faultInjection ? ['--fault-injection'] : [])],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
    )
    this.child = child
    return new Promise((resolveReady, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`emulator not ready after ${timeoutMs} ms:\n${this.tail()}`))
      }, timeoutMs)
      const onData = (chunk: Buffer) => {
        this.log += chunk.toString()
        if (/ready/.test(this.log)) {
          clearTimeout(timer)
          child.stdout?.off('data', onData)
          child.stdout?.on('data', (more: Buffer) => (this.log += more.toString()))
          resolveReady()
        }
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()))
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`emulator exited (code ${code}) before it was ready:\n${this.tail()}`))
      })
    })
  }

  async stop(): Promise<void> {
    const child = this.child
    this.child = null
    if (!child || child.exitCode !== null) return
    await new Promise<void>((resolveExit) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolveExit()
      })
      child.kill('SIGTERM')
    })
  }

  async restart(): Promise<void> {
    await this.stop()
    this.log = ''
    await this.start()
  }
}
