/**
 * Rules CLI: `node shared-rules/dist/cli.js <assess|participation|quote|deadline>`.
 * Reads JSON Lines on stdin and writes exactly one JSON line per input line, in order. A bad line
 * answers `{"error":{"code":"INVALID_INPUT","message":…}}` and processing continues.
 * This is the only file of shared-rules that touches node I/O.
 */
import { runCommand, COMMANDS, type CommandName } from './cli/commands'

async function main(): Promise<void> {
  const command = process.argv[2] as CommandName | undefined
  if (!command || !(COMMANDS as readonly string[]).includes(command)) {
    process.stderr.write(`用法: npm run --silent rules -- <${COMMANDS.join('|')}> < input.jsonl\n`)
    process.exitCode = 2
    return
  }
  const out = process.stdout
  let pending = ''
  const flush = async (text: string): Promise<void> => {
    if (text.length === 0) return
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve))
  }
  process.stdin.setEncoding('utf8')
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    pending += chunk
    const lastNewline = pending.lastIndexOf('\n')
    if (lastNewline < 0) continue
    const complete = pending.slice(0, lastNewline)
    pending = pending.slice(lastNewline + 1)
    const lines = complete.split('\n')
    let buffer = ''
    for (const line of lines) buffer += runCommand(command, line) + '\n'
    await flush(buffer)
  }
  if (pending.length > 0) await flush(runCommand(command, pending) + '\n')
}

main().catch((error: unknown) => {
  process.stderr.write(`rules CLI failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 1
})
