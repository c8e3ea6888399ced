import { execFileSync, spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/_shared/src/collections'
import { listFunctions } from '../../scripts/build-functions'

const root = resolve(__dirname, '../..')
const tsx = resolve(root, 'node_modules/.bin/tsx')
const noCloudEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(TCB_ENV_ID|TENCENTCLOUD_SECRET|ID_HASH_KEY|ID_ENC_KEY|SUBSCRIBE_TEMPLATES)/.test(k)),
) as NodeJS.ProcessEnv

describe('npm run deploy', () => {
  let output: string
  beforeAll(() => {
    output = execFileSync(tsx, ['scripts/deploy.ts', '--dry-run'], { cwd: root, env: noCloudEnv, encoding: 'utf8' })
  })

  it('plans every declared collection with its indexes and security rule', () => {
    for (const c of COLLECTIONS) {
      expect(output).toContain(`collection ${c.name}: create if missing`)
      expect(output).toContain(`collection ${c.name}: security rule ${c.acl}`)
      for (const index of c.indexes) {
        expect(output).toMatch(new RegExp(`collection ${c.name}: index ${index.name} \\(.*\\)${index.unique ? ' unique' : '\\n'}`))
      }
    }
  })

  it('plans an upload of every built function and the storage rule', () => {
    const names = listFunctions()
    expect(names).toContain('auth')
    for (const name of names) expect(output).toContain(`function ${name}: upload index.js`)
    expect(output).toContain('storage: security rule ADMINONLY')
  })

  it('names the configuration a real deployment still needs', () => {
    expect(output).toContain('a real deployment also needs: TCB_ENV_ID')
  })

  it('refuses a real deployment without credentials and changes nothing', () => {
    const res = spawnSync(tsx, ['scripts/deploy.ts'], { cwd: root, env: noCloudEnv, encoding: 'utf8' })
    expect(res.status).toBe(1)
    expect(res.stderr).toContain('Cannot deploy: set TCB_ENV_ID')
    expect(res.stderr).toContain('Nothing was changed')
  })
})
