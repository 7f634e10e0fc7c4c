import * as z from 'zod'
import { action } from './action'
import type { Audience } from './roles'

/**
 * Photos travel as cloud-storage file ids. A record may only carry photos its author uploaded through
 * a function's `photo.upload` (which content-checks them); the functions check that on submit.
 */
export const PhotoIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(/^cloud:\/\/[\w./-]+$/, '照片地址不正确')

export const photoList = (max: number) =>
  z
    .array(PhotoIdSchema)
    .max(max, `最多 ${max} 张照片`)
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片只能添加一次')
    .default([])

/** WeChat's imgSecCheck takes images up to 1 MB; the client compresses to well under that. */
export const MAX_PHOTO_BYTES = 1024 * 1024
/** The base64 of the largest photo: 4 characters for every 3 bytes (1,398,104). */
export const MAX_PHOTO_BASE64 = Math.ceil(MAX_PHOTO_BYTES / 3) * 4

export const PhotoUploadInputSchema = z.object({
  ext: z.enum(['jpg', 'png']),
  /** Base64 of the compressed image. */
  data: z
    .string()
    .min(16, '图片为空')
    .max(MAX_PHOTO_BASE64, '图片过大，请压缩后再传')
    .regex(/^[A-Za-z0-9+/]+=*$/, '图片格式不正确'),
})
export const PhotoUploadOutputSchema = z.object({ fileId: PhotoIdSchema, url: z.string() })
export type PhotoUploadResult = z.infer<typeof PhotoUploadOutputSchema>

/** The same upload action in every function that takes photos; only who may call it differs. */
export const photoUploadAction = (summary: string, roles: readonly Audience[]) =>
  action({ summary, roles, input: PhotoUploadInputSchema, output: PhotoUploadOutputSchema })
