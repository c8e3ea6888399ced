/**
 * The weapp host catches what WeChat refuses: a small hand-written mini-program (fixtures/tiny-app) breaks one rule
 * per case, and each must show up as a problem of the phone — or, for the allowed case, none may.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { MiniProgram } from './host/mini-program'
import { decodeImage, isJpeg, makeCameraPhoto } from './host/media'

const dist = join(__dirname, 'fixtures', 'tiny-app')

async function open(query: string, page = 'pages/a/index'): Promise<MiniProgram> {
  // No emulator: these cases make no cloud calls.
  const phone = new MiniProgram({ dist, emulatorUrl: 'http://127.0.0.1:9', openid: 'host-test-user' })
  await phone.launch(`/${page}${query ? `?${query}` : ''}`)
  return phone
}

const kinds = (phone: MiniProgram) => phone.problems.map((p) => p.kind)

describe('weapp host on a tiny mini-program', () => {
  it('runs a page that breaks no rule with no problems; a subscribe request inside the tap is allowed', async () => {
    const phone = await open('case=clean')
    expect(phone.text()).toContain('你好')
    await phone.tap('提交')
    expect(phone.subscribeRequests).toEqual([{ page: 'pages/a/index', tmplIds: ['t1', 't2'], inTap: true }])
    expect(phone.problems).toEqual([])
  })

  it('counts console.error, an exception in a lifecycle, code generation (eval / new Function) and an unhandled rejection as errors', async () => {
    expect(kinds(await open('case=error'))).toEqual(['console.error'])
    const thrown = await open('case=throw')
    expect(kinds(thrown)).toEqual(['script'])
    expect(thrown.problems[0].message).toContain('onLoad 抛出了异常')
    const evaluated = await open('case=eval')
    expect(kinds(evaluated)).toEqual(['script'])
    expect(evaluated.problems[0].message).toMatch(/Code generation from strings disallowed/)
    // Jest intercepts unhandled rejections itself: this case runs in its own process.
    const probe = execFileSync(join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx'), [join(__dirname, 'fixtures', 'rejection-probe.ts')], { encoding: 'utf8' })
    const rejected = JSON.parse(probe) as Array<{ kind: string; message: string }>
    expect(rejected.map((p) => p.kind)).toEqual(['unhandledrejection'])
    expect(rejected[0].message).toContain('没有人处理的拒绝')
  })

  it('refuses a subscribe request made outside the tap, or for more than 3 templates', async () => {
    const late = await open('case=late-subscribe')
    await late.tap('提交')
    await late.settle()
    expect(late.subscribeRequests[0].inTap).toBe(false)
    expect(kinds(late)).toEqual(['subscribe'])
    const many = await open('case=too-many')
    await many.tap('提交')
    expect(kinds(many)).toEqual(['subscribe'])
  })

  it('refuses a privacy API when the app shows no privacy popup', async () => {
    const phone = await open('case=privacy-none')
    phone.album.push({ bytes: makeCameraPhoto(64, 48, 1), ext: 'png' })
    await phone.tap('提交')
    expect(kinds(phone)).toEqual(['privacy'])
  })

  it('lets a privacy API go on after the agree button, and compresses the photo to a JPEG of the asked size', async () => {
    const phone = await open('case=privacy')
    phone.album.push({ bytes: makeCameraPhoto(240, 180, 2), ext: 'png' })
    await phone.tap('提交')
    expect(phone.has('同意')).toBe(true)
    await phone.tap('同意')
    await phone.settle()
    expect(phone.problems).toEqual([])
    expect(phone.privacy).toMatchObject({ agreed: true, agreedByButton: 'agree-btn' })
    const compressed = phone.data().compressed
    const file = phone.files.get(String(compressed))
    expect(file && isJpeg(file.bytes)).toBe(true)
    expect(decodeImage(file?.bytes ?? Buffer.alloc(0))).toMatchObject({ width: 120, height: 90 })
  })

  it('refuses what WeChat refuses in its own APIs: a long modal button text, a page not in app.json', async () => {
    const modal = await open('case=modal')
    await modal.tap('提交')
    expect(JSON.stringify(modal.data())).toContain('confirmText length should not larger than 4')
    const nav = await open('case=navigate')
    await nav.tap('提交')
    expect(JSON.stringify(nav.data())).toContain('不在 app.json 中')
  })

  it('reports a custom component rendered on a page that does not declare it', async () => {
    const phone = await open('', 'pages/b/index')
    phone.view()
    expect(kinds(phone)).toEqual(['component'])
    expect(phone.problems[0].message).toContain('<t-button>')
  })
})
