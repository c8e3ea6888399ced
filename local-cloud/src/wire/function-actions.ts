/** `functions.invokeFunction`: `cloud.callFunction` from inside a function (node-sdk `src/functions/index.ts`). */
import type { FunctionRunner } from '../functions/function-runner'
import { WireError, invalidParam } from '../wire-error'
import type { WireHandler } from './types'

export function functionActions(runner: FunctionRunner): Record<string, WireHandler> {
  return {
    'functions.invokeFunction': async (params, caller) => {
      const name = params.function_name
      if (typeof name !== 'string' || name === '') throw invalidParam('函数名不能为空')
      let event: unknown = {}
      if (typeof params.request_data === 'string' && params.request_data !== '') {
        try {
          event = JSON.parse(params.request_data)
        } catch {
          throw invalidParam('request_data 不是有效的 JSON')
        }
      }
      // The callee runs as the same user as the calling function (CloudBase passes the user context along).
      const identity = runner.identityOf(caller.callId) ?? {}
      const result = await runner.invoke(name, event, identity, { parentCallId: caller.callId })
      if (!result.ok) {
        // CloudBase answers a missing function with FUNCTION_NOT_FOUND, "[FUNCTION_NOT_FOUND] 找不到对应的FunctionName."
        if (result.code === 'FUNCTION_NOT_FOUND') throw new WireError('FUNCTION_NOT_FOUND', `[FUNCTION_NOT_FOUND] 找不到对应的FunctionName. ${result.message}`)
        throw new WireError('FUNCTIONS_EXECUTE_FAIL', result.message)
      }
      return { json: { data: { response_data: result.json } } }
    },
  }
}
