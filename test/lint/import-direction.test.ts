/**
 * The import direction of the architecture (README, Architecture) is enforced by `npm run lint`. Each case lints one
 * fixture source, placed at a path inside the repository, with ESLint's Node API and the repository's own config:
 * every violating import must be reported by the named rule, and the clean fixtures must pass.
 */
import path from 'node:path'
import { ESLint } from 'eslint'

const root = path.resolve(__dirname, '..', '..')
const eslint = new ESLint({ cwd: root })

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(`${code}\nexport const used = x\n`, { filePath: path.join(root, file) })
  return result.messages.filter((m) => m.ruleId !== '@typescript-eslint/no-unused-vars')
}

const VIOLATIONS: [string, string, string, string][] = [
  // [what, fixture path, import, rule]
  ['a function imports the app by alias', 'cloudfunctions/claims/src/lint-fixture.ts', "import { x } from '@/features/claims/api'", 'no-restricted-imports'],
  ['a function imports the app by alias (resolved)', 'cloudfunctions/claims/src/lint-fixture.ts', "import { x } from '@/features/claims/api'", 'import/no-restricted-paths'],
  ['a function imports the app by a relative path', 'cloudfunctions/units/src/lint-fixture.ts', "import { x } from '../../../src/features/claims/format'", 'import/no-restricted-paths'],
  ['_shared imports the app', 'cloudfunctions/_shared/src/lint-fixture.ts', "import { x } from '../../../src/components/format'", 'import/no-restricted-paths'],
  ['a function imports another function', 'cloudfunctions/enrolment/src/lint-fixture.ts', "import { x } from '../../units/src/list'", 'import/no-restricted-paths'],
  ['_shared imports a function', 'cloudfunctions/_shared/src/lint-fixture.ts', "import { x } from '../../claims/src/scope'", 'import/no-restricted-paths'],
  ['the app imports a function’s shared code', 'src/features/claims/lint-fixture.ts', "import { x } from '@cloud-shared/errors'", 'import/no-restricted-paths'],
  ['a feature imports another feature’s internals', 'src/features/claims/lint-fixture.ts', "import { x } from '@/features/enrolment/api'", 'import/no-restricted-paths'],
  ['shared-rules imports an undeclared package', 'shared-rules/src/lint-fixture.ts', "import x from 'dayjs'", 'import/no-extraneous-dependencies'],
  ['shared-rules imports the contracts', 'shared-rules/src/lint-fixture.ts', "import { x } from '@mutual-aid/contracts'", 'import/no-restricted-paths'],
  ['shared-rules imports a function', 'shared-rules/src/lint-fixture.ts', "import { x } from '@cloud-shared/time'", 'import/no-restricted-paths'],
  ['contracts imports the app', 'contracts/src/lint-fixture.ts', "import { x } from '@/services/cloud'", 'import/no-restricted-paths'],
  ['contracts imports a function', 'contracts/src/lint-fixture.ts', "import { x } from '@cloud-shared/errors'", 'import/no-restricted-paths'],
  ['contracts imports the emulator', 'contracts/src/lint-fixture.ts', "import { x } from '../../local-cloud/src/ejson'", 'import/no-restricted-paths'],
  ['contracts imports an undeclared package', 'contracts/src/lint-fixture.ts', "import x from 'dayjs'", 'import/no-extraneous-dependencies'],
]

const CLEAN: [string, string, string][] = [
  ['a function imports contracts, rules and _shared', 'cloudfunctions/claims/src/lint-fixture.ts', "import { claimsContract as x } from '@mutual-aid/contracts'\nimport { addDays } from '@mutual-aid/shared-rules'\nimport { escapeRegExp } from '@cloud-shared/escape-regexp'\nexport const y = [addDays, escapeRegExp]"],
  ['a function imports its own files', 'cloudfunctions/claims/src/lint-fixture.ts', "import { loadClaim as x } from './scope'"],
  ['a feature imports another feature’s public index', 'src/features/claims/lint-fixture.ts', "import { useSession as x } from '@/features/session'"],
  ['a page imports contracts and a feature', 'src/packages/claims/list/lint-fixture.ts', "import { claimsApi as x } from '@/features/claims'\nimport { KIND_LABEL } from '@mutual-aid/contracts'\nexport const y = KIND_LABEL"],
  ['shared-rules imports its declared dependency', 'shared-rules/src/lint-fixture.ts', "import { z as x } from 'zod'"],
  ['contracts imports zod and the rules', 'contracts/src/lint-fixture.ts', "import { z as x } from 'zod'\nimport { addDays } from '@mutual-aid/shared-rules'\nexport const y = addDays"],
]

describe('lint keeps imports pointing one way', () => {
  it.each(VIOLATIONS)('%s → error', async (_what, file, code, rule) => {
    const messages = await lint(file, code)
    expect(messages.map((m) => m.ruleId)).toContain(rule)
    expect(messages.find((m) => m.ruleId === rule)?.severity).toBe(2)
  })

  it.each(CLEAN)('%s → clean', async (_what, file, code) => {
    expect(await lint(file, code)).toEqual([])
  })
})
