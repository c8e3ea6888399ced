/**
 * The two protobuf messages of wx-server-sdk's open API call (see `src/protobuf/openapi` in its bundle):
 *   CommApiData { 1: apiType (enum), 2: openapiData OpenApiData { 1: repeated KeyValuePair { 1: key, 2: value bytes } }, 6: appid }
 *   CommOpenApiResp { 1: respData bytes, 2: contentType string, 3: errorCode int32 }
 * Only these fields are needed, so a minimal codec beats pulling in a protobuf runtime.
 */

interface Field {
  no: number
  wireType: number
  value: number | Buffer
}

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0
  let shift = 0
  for (;;) {
    if (pos >= buf.length) throw new Error('protobuf: truncated varint')
    const byte = buf[pos++]
    result += (byte & 0x7f) * 2 ** shift
    if ((byte & 0x80) === 0) return [result, pos]
    shift += 7
  }
}

function readFields(buf: Buffer): Field[] {
  const fields: Field[] = []
  let pos = 0
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos)
    const no = Math.floor(tag / 8)
    const wireType = tag & 7
    pos = afterTag
    if (wireType === 0) {
      const [value, next] = readVarint(buf, pos)
      fields.push({ no, wireType, value })
      pos = next
    } else if (wireType === 2) {
      const [length, start] = readVarint(buf, pos)
      if (start + length > buf.length) throw new Error('protobuf: truncated field')
      fields.push({ no, wireType, value: buf.subarray(start, start + length) })
      pos = start + length
    } else if (wireType === 1) {
      pos += 8
    } else if (wireType === 5) {
      pos += 4
    } else {
      throw new Error(`protobuf: unsupported wire type ${wireType}`)
    }
  }
  return fields
}

/** The `openapiData.pairs` of a CommApiData, each value parsed as JSON. */
export function decodeOpenApiPairs(message: Buffer): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of readFields(message)) {
    if (field.no !== 2 || !Buffer.isBuffer(field.value)) continue
    for (const pair of readFields(field.value)) {
      if (pair.no !== 1 || !Buffer.isBuffer(pair.value)) continue
      let key = ''
      let value: Buffer = Buffer.alloc(0)
      for (const kv of readFields(pair.value)) {
        if (kv.no === 1 && Buffer.isBuffer(kv.value)) key = kv.value.toString('utf8')
        if (kv.no === 2 && Buffer.isBuffer(kv.value)) value = kv.value
      }
      const text = value.toString('utf8')
      try {
        out[key] = JSON.parse(text)
      } catch {
        out[key] = text
      }
    }
  }
  return out
}

function writeVarint(n: number): Buffer {
  const bytes: number[] = []
  let v = n
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80)
    v = Math.floor(v / 0x80)
  }
  bytes.push(v)
  return Buffer.from(bytes)
}

function lengthDelimited(no: number, payload: Buffer): Buffer {
  return Buffer.concat([writeVarint(no * 8 + 2), writeVarint(payload.length), payload])
}

/** A CommOpenApiResp carrying a JSON body. */
export function encodeOpenApiResponse(body: unknown): Buffer {
  return Buffer.concat([
    lengthDelimited(1, Buffer.from(JSON.stringify(body), 'utf8')),
    lengthDelimited(2, Buffer.from('application/json', 'utf8')),
  ])
}
