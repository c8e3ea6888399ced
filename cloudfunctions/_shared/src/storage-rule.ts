/**
 * The cloud-storage security rule, in CloudBase's custom-rule form. One definition serves both sides: `npm run
 * deploy` applies it to the environment's bucket, and the local cloud enforces it on the app's uploads and
 * downloads. Rules apply to client (mini-program) requests only; cloud functions are admin and always pass.
 *
 * What the product needs (see the CloudBase / WeChat docs "云存储安全规则"):
 * - the app uploads claim photos and e-receipts, roster files and payment receipts itself (`wx.cloud.uploadFile`),
 *   so a signed-in user may create a file — a new file's `resource.openid` is its uploader;
 * - nobody may overwrite or delete a file another user uploaded (`resource.openid` is the existing file's creator);
 * - no client reads files directly: medical photos and receipts open only through temporary URLs that a function
 *   hands out after checking the caller's scope (and recording the opening).
 */
export const STORAGE_RULE: { readonly read: boolean | string; readonly write: boolean | string } = {
  read: false,
  write: 'resource.openid == auth.openid',
}
