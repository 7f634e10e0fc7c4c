import { sdk } from './cloud'

/** How long a download link (an export, a photo) lives, in seconds. */
export const LINK_SECONDS = 3600

/**
 * Put a file in cloud storage and hand back its id and a temporary download link (locally: the
 * uploads folder and /local/files/…). `maxAge` in seconds; omitted, the platform's default applies.
 */
export async function storeFile(
  cloudPath: string,
  fileContent: Buffer,
  maxAge?: number,
): Promise<{ fileId: string; url: string }> {
  const cloud = sdk()
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent })
  const entry = maxAge === undefined ? fileID : { fileID, maxAge }
  const temp = (await cloud.getTempFileURL({ fileList: [entry] })) as { fileList?: { tempFileURL?: string }[] } | void
  return { fileId: fileID, url: String(temp?.fileList?.[0]?.tempFileURL ?? '') }
}
