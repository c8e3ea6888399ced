/**
 * `npm run deploy [-- --dry-run]`: deploys to real WeChat CloudBase with @cloudbase/manager-node.
 * Builds and uploads every cloud function (bundled, with its environment variables), creates the collections and
 * indexes declared in cloudfunctions/_shared/src/collections.ts, and sets their security rules and storage's.
 *
 * Credentials and configuration come from the environment only:
 *   TCB_ENV_ID                      CloudBase environment id (cloud console → 环境 ID)
 *   TENCENTCLOUD_SECRETID / _SECRETKEY  API key of a sub-account allowed to manage that environment
 *   ID_HASH_KEY, ID_ENC_KEY         secrets for resident-ID hashing and encryption (long random strings; keep them:
 *                                   changing them makes stored IDs unmatchable / unreadable)
 *   SUBSCRIBE_TEMPLATES             JSON of subscribe-message template ids, e.g. {"claimReceived":"…",…}
 * `--dry-run` prints every step without contacting the cloud (and without needing credentials).
 */
import { COLLECTIONS } from '../cloudfunctions/_shared/src/collections'
import { buildFunctions, functionsDir, listFunctions } from './build-functions'
import type { SdkHandle } from '../cloudfunctions/_shared/src/sdk'

const RUNTIME = 'Nodejs16.13'
const TIMEOUT_S = 20

interface Step {
  title: string
  run(app: SdkHandle): Promise<void>
}

const REQUIRED = ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'ID_HASH_KEY', 'ID_ENC_KEY', 'SUBSCRIBE_TEMPLATES']

function functionEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return { ID_HASH_KEY: env.ID_HASH_KEY ?? '', ID_ENC_KEY: env.ID_ENC_KEY ?? '', SUBSCRIBE_TEMPLATES: env.SUBSCRIBE_TEMPLATES ?? '' }
}

/** Every step of a deployment, in order. Pure: builds the plan from the declarations and the function folders. */
export function plan(env: NodeJS.ProcessEnv = process.env): Step[] {
  const steps: Step[] = []
  for (const c of COLLECTIONS) {
    steps.push({
      title: `collection ${c.name}: create if missing (${c.description})`,
      run: (app) => app.database.createCollectionIfNotExists(c.name),
    })
    for (const index of c.indexes) {
      const keys = Object.entries(index.keys).map(([k, d]) => `${k}:${d}`).join(',')
      steps.push({
        title: `collection ${c.name}: index ${index.name} (${keys})${index.unique ? ' unique' : ''}`,
        run: async (app) => {
          const exists = await app.database.checkIndexExists(c.name, index.name)
          if (exists.Exists) return
          await app.database.updateCollection(c.name, {
            CreateIndexes: [
              {
                IndexName: index.name,
                MgoKeySchema: {
                  MgoIsUnique: Boolean(index.unique),
                  MgoIndexKeys: Object.entries(index.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
                },
              },
            ],
          })
        },
      })
    }
    steps.push({
      title: `collection ${c.name}: security rule ${c.acl}`,
      run: (app) => app.permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: c.acl }),
    })
  }
  steps.push({
    title: 'storage: security rule ADMINONLY (claim photos and receipts are read only through temporary URLs)',
    run: (app) => app.permission.modifyResourcePermission({ resourceType: 'storage', permission: 'ADMINONLY' }),
  })
  for (const name of listFunctions()) {
    steps.push({
      title: `function ${name}: upload index.js (${RUNTIME}, ${TIMEOUT_S} s, env ID_HASH_KEY, ID_ENC_KEY, SUBSCRIBE_TEMPLATES)`,
      run: (app) =>
        app.functions.createFunction({
          func: {
            name,
            runtime: RUNTIME,
            timeout: TIMEOUT_S,
            installDependency: false,
            envVariables: functionEnv(env),
            ignore: ['src/**', 'node_modules/**'],
          },
          functionRootPath: functionsDir,
          force: true,
        }),
    })
  }
  return steps
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run')
  const missing = REQUIRED.filter((k) => !process.env[k])
  if (!dryRun && missing.length) {
    console.error(`Cannot deploy: set ${missing.join(', ')} (see README「部署到微信云开发」). Nothing was changed.`)
    process.exit(1)
  }
  if (!dryRun && process.env.SUBSCRIBE_TEMPLATES) JSON.parse(process.env.SUBSCRIBE_TEMPLATES)
  await buildFunctions()
  const steps = plan()
  if (dryRun) {
    console.log(`[dry-run] environment ${process.env.TCB_ENV_ID || '<TCB_ENV_ID>'}: ${steps.length} steps`)
    if (missing.length) console.log(`[dry-run] a real deployment also needs: ${missing.join(', ')}`)
    steps.forEach((s, i) => console.log(`[dry-run] ${i + 1}. ${s.title}`))
    return
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node')
  const app = new CloudBase({
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
    envId: process.env.TCB_ENV_ID,
  })
  for (const [i, s] of steps.entries()) {
    process.stdout.write(`${i + 1}/${steps.length} ${s.title} … `)
    await s.run(app)
    console.log('done')
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`\nDeployment stopped: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  })
}
