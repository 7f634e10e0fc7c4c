/** Service minutes in words: 2 小时 5 分钟, or 45 分钟. */
export const minutesText = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分钟` : `${m} 分钟`)
