/**
 * Runs one cloud function bundle in a worker thread, one call at a time.
 *
 * wx-server-sdk's getWXContext() reads process.env, and a worker thread has its own copy of process.env,
 * so setting the caller's WX_* variables here before each call isolates identities between concurrent calls.
 * Plain CommonJS on purpose: workers start without the TypeScript loader.
 */
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const { pathToFileURL } = require('node:url')

/**
 * Variables that vary per call; removed before the next call sets its own (a timer call's TRIGGER_SRC must not make
 * the next user call look like a timer).
 */
const PER_CALL_KEYS = [
  'TCB_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_API_TOKEN',
  'WX_CONTEXT_KEYS',
  'TCB_SOURCE',
  'WX_CLIENTIP',
  'TRIGGER_SRC',
  'WX_TRIGGER_API_TOKEN_V0',
]

/** Bundles are CommonJS (esbuild, format cjs); an ES module bundle is imported instead. */
async function loadModule(file) {
  try {
    return require(file)
  } catch (error) {
    if (error && error.code === 'ERR_REQUIRE_ESM') return import(pathToFileURL(file).href)
    throw error
  }
}

let mainPromise = null
function loadMain() {
  if (!mainPromise) {
    mainPromise = loadModule(workerData.file).then((mod) => {
      const main = mod.main || (mod.default && mod.default.main)
      if (typeof main !== 'function') throw new Error(`${workerData.file} does not export main(event, context)`)
      return main
    })
  }
  return mainPromise
}

function describe(error) {
  if (error instanceof Error) return { message: error.message, stack: error.stack || String(error) }
  if (error && typeof error === 'object') {
    const message = error.errMsg || error.message || JSON.stringify(error)
    return { message: String(message), stack: JSON.stringify(error) }
  }
  return { message: String(error), stack: String(error) }
}

parentPort.on('message', async (msg) => {
  if (msg.type !== 'call') return
  for (const key of PER_CALL_KEYS) delete process.env[key]
  Object.assign(process.env, msg.env)
  try {
    const main = await loadMain()
    // The time limit runs from here: loading the bundle is the instance's cold start, which SCF does not count.
    parentPort.postMessage({ type: 'started', callId: msg.callId })
    const value = await main(msg.event, msg.context)
    // CloudBase returns a function's result as JSON: undefined becomes null, Dates become strings.
    const json = value === undefined ? 'null' : JSON.stringify(value)
    parentPort.postMessage({ type: 'result', callId: msg.callId, ok: true, json })
  } catch (error) {
    parentPort.postMessage({ type: 'result', callId: msg.callId, ok: false, error: describe(error) })
  }
})

// Load eagerly so the first call does not pay for it; a load error is reported on that call.
loadMain().catch(() => {})
parentPort.postMessage({ type: 'ready' })

// A stray rejection after a call answered must not kill the worker (SCF logs it and carries on).
process.on('unhandledRejection', (reason) => {
  console.error(`[local-cloud] ${workerData.name}: unhandled rejection:`, reason)
})
