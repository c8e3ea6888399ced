/**
 * The names' sort key (`_shared/src/name-key.ts`): names in the order a Chinese clerk expects — 拼音 A→Z, then tone,
 * then the character — with surname readings for polyphonic surnames; the key of a name's beginning is the beginning of
 * its key (a name search is a key range); plain ASCII (the database and JavaScript compare it alike).
 */
import fc from 'fast-check'
import { nameKeyOf } from '@cloud-shared/name-key'

const byKey = (names: string[]) => [...names].sort((a, b) => (nameKeyOf(a) < nameKeyOf(b) ? -1 : nameKeyOf(a) > nameKeyOf(b) ? 1 : 0))

describe('nameKeyOf', () => {
  it('orders a roster as a clerk reads it: by pinyin, a shorter syllable first, then tone, a name before its longer namesakes', () => {
    const expected = [
      '阿依古丽', // a
      '安然', // an: "a" before "an"
      '陈志强', // chen
      '丁二', // ding er
      '丁一', // ding yi
      '李', // li, alone
      '李红梅', // li hong
      '李斯', // li si1
      '李四', // li si4: tone 1 before 4
      '卢军', // lu
      '吕布', // lü after lu
      '区志强', // 区 as a surname: ou
      '欧阳娜娜', // ou (区 and 欧 read alike: by the character)
      '单田芳', // 单 as a surname: shan
      '孙莉',
      '王秀英',
      '解晓东', // 解 as a surname: xie
      '余静',
      '曾小贤', // 曾 as a surname: zeng (not ceng)
      '张伟',
      '赵立新',
      '周海燕',
    ]
    const shuffled = [...expected].reverse()
    shuffled.push(shuffled.shift() as string)
    expect(byKey(shuffled)).toEqual(expected)
    // Code-point order — what the roster did before — is not this order.
    expect([...expected].sort()).not.toEqual(expected)
  })

  it.each([
    ['曾', 'zeng1'],
    ['单', 'shan4'],
    ['区', 'ou1'],
    ['解', 'xie4'],
    ['仇', 'qiu2'],
    ['查', 'zha1'],
    ['朴', 'piao2'],
  ])('reads %s as a surname (%s) at the start of a name, and by its usual reading inside it', (surname, reading) => {
    expect(nameKeyOf(`${surname}明`).startsWith(reading)).toBe(true)
    expect(nameKeyOf(`王${surname}`).slice(nameKeyOf('王').length).startsWith(reading)).toBe(false)
  })

  it('puts other signs before letters, a Latin letter just before the syllables it begins; the same name always gives the same key', () => {
    expect(byKey(['Tom', '唐明', '·', '阿木'])).toEqual(['·', '阿木', 'Tom', '唐明'])
    expect(nameKeyOf(' 张伟 ')).toBe(nameKeyOf('张伟'))
    expect(nameKeyOf('')).toBe('')
  })

  const hanName = fc
    .array(fc.constantFrom(...'张王李赵曾单区解欧阳伟芳娜秀英明军丽强长乐朝重行'), { minLength: 1, maxLength: 4 })
    .map((cs) => cs.join(''))

  it('property: the key of a name’s beginning is the beginning of the name’s key (a search is a key range)', () => {
    fc.assert(
      fc.property(hanName, fc.nat(4), (name, cut) => {
        const prefix = Array.from(name).slice(0, Math.max(1, cut)).join('')
        expect(nameKeyOf(name).startsWith(nameKeyOf(prefix))).toBe(true)
      }),
    )
  })

  it('property: keys are plain ASCII, and a name sorts before the same name with more characters', () => {
    fc.assert(
      fc.property(hanName, hanName, (a, more) => {
        expect(nameKeyOf(a)).toMatch(/^[\x21-\x7e]+$/)
        expect(nameKeyOf(a) < nameKeyOf(`${a}${more}`)).toBe(true)
      }),
    )
  })
})
