/** Small HTTP helpers: bounded body reading, JSON answers, multipart parsing. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import busboy from 'busboy'
import { jsonDepth, MAX_NESTING } from './nesting'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求内容过大（上限 ${Math.round(maxBytes / 1024 / 1024)} MB）`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Reads a JSON body; one nested deeper than {@link MAX_NESTING} levels is refused before it is parsed. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const body = await readBody(req, maxBytes)
  if (body.length === 0) return {}
  const text = body.toString('utf8')
  if (jsonDepth(text) > MAX_NESTING) {
    throw new HttpError(400, 'INVALID_PARAM', `请求内容嵌套超过 ${MAX_NESTING} 层，无法处理，请检查提交的数据`)
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'INVALID_JSON', '请求内容不是有效的 JSON')
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

export interface MultipartFile {
  field: string
  filename: string
  mimeType: string
  data: Buffer
  truncated: boolean
}

export interface Multipart {
  fields: Record<string, string>
  files: MultipartFile[]
}

/** Parses a multipart body in memory; a file over `maxFileBytes` is marked `truncated`. */
export function readMultipart(req: IncomingMessage, maxFileBytes: number, maxFiles = 5): Promise<Multipart> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: maxFileBytes, files: maxFiles, fieldSize: maxFileBytes } })
    } catch {
      reject(new HttpError(400, 'INVALID_MULTIPART', '请求不是有效的 multipart/form-data'))
      return
    }
    const result: Multipart = { fields: {}, files: [] }
    parser.on('field', (name, value) => {
      result.fields[name] = value
    })
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = []
      const file: MultipartFile = { field, filename: info.filename ?? '', mimeType: info.mimeType, data: Buffer.alloc(0), truncated: false }
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => {
        file.truncated = true
      })
      stream.on('end', () => {
        file.data = Buffer.concat(chunks)
        result.files.push(file)
      })
    })
    parser.on('close', () => resolve(result))
    parser.on('error', (error: Error) => reject(new HttpError(400, 'INVALID_MULTIPART', `上传内容无法解析：${error.message}`)))
    req.pipe(parser)
  })
}
