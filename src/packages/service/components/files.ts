import { openFile } from '../../../services/files'

/** Opens an exported .xlsx (services/files). */
export const openExport = (file: { url: string; fileName: string }): Promise<void> => openFile(file.url, file.fileName)

export const minutesText = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分钟` : `${m} 分钟`)
