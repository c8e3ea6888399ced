/** A file the user picked for upload: a path the cloud client can upload, and its original name. */
export interface PickedFile {
  filePath: string
  name: string
  size: number
}
