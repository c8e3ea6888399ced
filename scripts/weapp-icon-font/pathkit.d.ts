/** The part of pathkit-wasm (Skia's PathKit, which ships no types) that the icon font build uses. */
declare module 'pathkit-wasm/bin/pathkit.js' {
  export interface SkPath {
    stroke(options: { width: number; cap: unknown; join: unknown; miter_limit?: number }): SkPath | null
    simplify(): SkPath | null
    op(other: SkPath, op: unknown): SkPath | null
    transform(a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number): SkPath
    setFillType(type: unknown): void
    toSVGString(): string
    /** [verb, ...coordinates] per command: 0 move, 1 line, 2 quad, 3 conic, 4 cubic, 5 close. */
    toCmds(): number[][]
    delete(): void
  }
  export interface PathKit {
    FromSVGString(d: string): SkPath | null
    NewPath(): SkPath
    PathOp: { UNION: unknown; XOR: unknown }
    FillType: { WINDING: unknown; EVENODD: unknown }
    StrokeCap: { BUTT: unknown; ROUND: unknown; SQUARE: unknown }
    StrokeJoin: { MITER: unknown; ROUND: unknown; BEVEL: unknown }
  }
  export default function PathKitInit(options: { wasmBinary: Uint8Array }): Promise<PathKit>
}
