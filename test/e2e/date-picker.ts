/**
 * Picks a day in the kit's H5 date picker (TDesign's DateTimePicker: a popup with year / month / day wheels that only
 * answer touch gestures) the way a thumb does: opens the field labelled `label`, drags each wheel slowly until the
 * wanted value sits in the middle, and confirms. A day outside the field's bounds is not on the wheels: that fails.
 */
import type { Page } from 'playwright-core'
import { settled, tap } from './context'

/** Drags wheel `column` of the open picker until `want` is selected (runs in the page). */
const DRAG_WHEEL = `async function (column, want) {
  const pickers = document.querySelectorAll('.t-picker')
  const wheel = pickers[pickers.length - 1].querySelectorAll('ul.t-picker-item')[column]
  if (!wheel) return 'no wheel ' + column
  const items = Array.from(wheel.querySelectorAll('li'))
  const target = items.findIndex(function (li) { return parseInt((li.textContent || '').replace(/\\D/g, ''), 10) === want })
  // The selected item is the one under the indicator band (the wheel's class may lag after its options change).
  const band = pickers[pickers.length - 1].querySelector('[class*="picker__indicator"]') || wheel.parentElement
  const bandRect = band.getBoundingClientRect()
  const middle = bandRect.top + bandRect.height / 2
  let current = 0
  items.forEach(function (li, i) {
    const r = li.getBoundingClientRect()
    const cur = items[current].getBoundingClientRect()
    if (Math.abs(r.top + r.height / 2 - middle) < Math.abs(cur.top + cur.height / 2 - middle)) current = i
  })
  if (target < 0) return want + ' is not offered (' + items.map(function (li) { return li.textContent }).join(',') + ')'
  if (target === current) return 'ok'
  const height = items[0].getBoundingClientRect().height
  const rect = wheel.getBoundingClientRect()
  const x = rect.left + rect.width / 2
  const y0 = rect.top + 10
  function touch(y) { return new Touch({ identifier: 1, target: wheel, clientX: x, clientY: y, pageX: x, pageY: y }) }
  function fire(type, y) {
    wheel.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches: type === 'touchend' ? [] : [touch(y)], changedTouches: [touch(y)] }))
  }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms) }) }
  const distance = (current - target) * height
  fire('touchstart', y0)
  // Slowly (longer than the wheel's inertia window), so it stops where the finger leaves it.
  for (let i = 1; i <= 10; i += 1) {
    await sleep(40)
    fire('touchmove', y0 + (distance * i) / 10)
  }
  await sleep(200)
  fire('touchend', y0 + distance)
  return 'ok'
}`

export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  await tap(page.locator('.t-cell').filter({ hasText: label }).first())
  const picker = page.locator('.t-picker').last()
  await picker.waitFor()
  const wanted = date.split('-').map(Number)
  // Twice over: a wheel's options change when the one before it moves (January starts at the coverage's first day),
  // and the second pass sets what the first could not.
  for (let col = 0; col < 6; col += 1) {
    // Sent as source text: the test runner's transpiler would wrap named functions in helpers the page lacks.
    const moved = (await page.evaluate(`(${DRAG_WHEEL})(${col % 3}, ${wanted[col % 3]})`)) as string
    if (moved !== 'ok') throw new Error(`date picker 「${label}」: ${moved}`)
    // The wheels after it may change (days in the month, bounds) and glide to their new place (a CSS transition the
    // kit starts a task later): wait until nothing moves, as a thumb waits before the next wheel.
    await settled(page)
  }
  await tap(page.locator('.t-picker__confirm').last())
  const cell = page.locator('.t-cell').filter({ hasText: label }).first()
  await cell.filter({ hasText: date }).waitFor().catch(async () => {
    throw new Error(`date picker 「${label}」: wanted ${date}, the field shows ${(await cell.innerText()).replace(/\s+/g, ' ')}`)
  })
}
