import Taro from '@tarojs/taro'
import { call } from './cloud'
import { isH5 } from './nav'

/** The functions that take photos; each has the same `photo.upload` (types/photos.ts). */
export type PhotoFunction = 'council' | 'property' | 'grid'

/** A stored file id as an image source: local files are served by the local cloud; WeChat shows cloud:// itself. */
export function photoSrc(fileId: string): string {
  if (fileId.startsWith('cloud://local/')) return `/local/files/${fileId.slice('cloud://local/'.length)}`
  return fileId
}

/** Largest side and JPEG quality: a phone photo becomes 100–300 KB, well under imgSecCheck's 1 MB. */
const MAX_SIDE = 1280
const QUALITY = 0.7

/** Shrinks a browser image, as base64 without the data: prefix. */
async function compressInBrowser(path: string): Promise<string> {
  const img = new Image()
  img.src = path
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve()
    img.onerror = () => reject(new Error('image'))
  })
  const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/jpeg', QUALITY).split(',')[1]
}

/** On WeChat: the platform's compression, then the file's bytes as base64. */
async function compressInWeapp(path: string): Promise<string> {
  const { tempFilePath } = await Taro.compressImage({
    src: path,
    quality: Math.round(QUALITY * 100),
    compressedWidth: MAX_SIDE,
  })
  return Taro.getFileSystemManager().readFileSync(tempFilePath, 'base64') as string
}

/**
 * Picks up to `count` photos and uploads each through `fn`'s photo.upload, which content-checks it
 * before storing. Every platform goes through the function, so no photo reaches a record unchecked.
 * Resolves to the stored file ids; a refused photo rejects with its CloudError.
 */
export async function pickPhotos(fn: PhotoFunction, count: number): Promise<string[]> {
  const { tempFilePaths } = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const out: string[] = []
  for (const path of tempFilePaths.slice(0, count)) {
    const data = isH5 ? await compressInBrowser(path) : await compressInWeapp(path)
    const r = await call(fn, 'photo.upload', { ext: 'jpg', data })
    out.push(r.fileId)
  }
  return out
}
