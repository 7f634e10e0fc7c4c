import Taro from '@tarojs/taro'
import { call } from '../../../services/cloud'
import { isH5 } from '../../../services/nav'

/** A stored file id as an image source: local files are served by the local cloud; WeChat shows cloud:// itself. */
export function photoSrc(fileId: string): string {
  if (fileId.startsWith('cloud://local/')) return `/local/files/${fileId.slice('cloud://local/'.length)}`
  return fileId
}

/** Shrinks a browser image to at most 1280 px and JPEG quality 0.7, as base64 without the data: prefix. */
async function compressInBrowser(path: string): Promise<string> {
  const img = new Image()
  img.src = path
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve()
    img.onerror = () => reject(new Error('image'))
  })
  const scale = Math.min(1, 1280 / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/jpeg', 0.7).split(',')[1]
}

/** Picks up to `count` photos and stores them; resolves to their file ids. */
export async function pickPhotos(count: number): Promise<string[]> {
  const { tempFilePaths } = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const out: string[] = []
  for (const path of tempFilePaths.slice(0, count)) {
    if (isH5) {
      const data = await compressInBrowser(path)
      const r = await call('grid', 'photo.upload', { ext: 'jpg', data })
      out.push(r.fileId)
    } else {
      const res = await Taro.cloud.uploadFile({ cloudPath: `grid/photos/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.jpg`, filePath: path })
      out.push(res.fileID)
    }
  }
  return out
}
