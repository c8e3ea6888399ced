/** The part of opentype.js 2 (which ships no types) that check:weapp uses to read the embedded icon font. */
declare module 'opentype.js' {
  export interface Glyph {
    index: number
    path: { commands: unknown[]; toPathData(decimalPlaces?: number): string }
  }
  export interface Font {
    unitsPerEm: number
    charToGlyph(char: string): Glyph
  }
  export function parse(buffer: ArrayBuffer): Font
}
