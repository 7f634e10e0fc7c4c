import { createHash } from 'crypto'
import { MAX_PHOTO_BYTES, type photoUploadAction, type PhotoUploadResult } from '../../types/photos'
import { COL } from './collections'
import { checkImage } from './content'
import type { Ctx, RouteOf } from './dispatch'
import { invalid } from './errors'
import { newId } from './ids'
import { LINK_SECONDS, storeFile } from './storage'

/** The uploaded-photo register: one per stored photo, keyed by a hash of its file id. */
export interface PhotoDoc {
  _id: string
  fileId: string
  owner: string
  folder: string
  bytes: number
  at: Date
}

export const photoKey = (fileId: string) => createHash('sha256').update(fileId).digest('hex').slice(0, 32)

/** Image signatures: JPEG starts FF D8 FF, PNG 89 50 4E 47. Anything else is refused. */
const looksLike = (b: Buffer, ext: 'jpg' | 'png') =>
  ext === 'jpg'
    ? b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff
    : b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47

/** `photo.upload` as the contract types it (types/photos.ts; every function mounts the same action). */
type PhotoUploadRoute = RouteOf<{ 'photo.upload': ReturnType<typeof photoUploadAction> }, 'photo.upload'>
type PhotoUploadInput = Parameters<PhotoUploadRoute['run']>[0]['input']

/**
 * `photo.upload` of every function that takes photos: the image is checked (signature, size, then
 * WeChat's imgSecCheck) before it is stored, and registered to its uploader. Five requests: the check,
 * the upload, the link, the register and its audit entry. The browser build has no direct storage upload and
 * the mini-program uses this too, so no photo reaches a record unchecked.
 */
export async function uploadPhoto(ctx: Ctx<PhotoUploadInput>, folder: string): Promise<PhotoUploadResult> {
  const image = Buffer.from(ctx.input.data, 'base64')
  if (!looksLike(image, ctx.input.ext)) throw invalid('只能上传 JPG 或 PNG 图片', ['data'])
  if (image.length > MAX_PHOTO_BYTES) throw invalid('图片超过 1 MB，请压缩后再传', ['data'])
  await checkImage(image, ctx.input.ext === 'jpg' ? 'image/jpeg' : 'image/png')
  // A random name only: a per-person folder would be a pseudonym linking one rater's photos across
  // records and modules. Who uploaded it lives in the register, which no view returns.
  const stored = await storeFile(`${folder}/${newId('ph')}.${ctx.input.ext}`, image, LINK_SECONDS)
  const doc: PhotoDoc = {
    _id: photoKey(stored.fileId),
    fileId: stored.fileId,
    owner: ctx.actor.openid,
    folder,
    bytes: image.length,
    at: ctx.now,
  }
  await ctx.db.collection(COL.photos).add({ data: doc })
  // In no street's log: a photo belongs to no record yet, and its file id next to the uploader's name would
  // tell the street admin who rated with it (property rating photos are shown without the rater).
  await ctx.audit(`${COL.photos}/${doc._id}`, null, { fileId: doc.fileId, bytes: doc.bytes }, undefined, {
    scope: null,
  })
  return stored
}

/**
 * A record may carry only photos its author uploaded (and so content-checked) through `photo.upload`.
 * Photos already on the record (`kept`) pass as they are. One request when there is anything new.
 */
export async function requireOwnPhotos(
  ctx: Ctx<unknown>,
  photos: readonly string[],
  kept: readonly string[] = [],
): Promise<void> {
  const fresh = photos.filter((p) => !kept.includes(p))
  if (!fresh.length) return
  const { data } = await ctx.db
    .collection(COL.photos)
    .where({ _id: ctx.db.command.in(fresh.map(photoKey)) })
    .limit(fresh.length)
    .get()
  const mine = new Set((data as PhotoDoc[]).filter((d) => d.owner === ctx.actor.openid).map((d) => d.fileId))
  const index = fresh.findIndex((p) => !mine.has(p))
  if (index >= 0) throw invalid('照片须由本人通过本程序上传', ['photos', photos.indexOf(fresh[index])])
}

/** The route every function mounts as `photo.upload`, storing under its own folder. */
export const photoUploadRoute = (folder: string): PhotoUploadRoute => ({
  run: (ctx) => uploadPhoto(ctx, folder),
})
