/**
 * Words the local msgSecCheck treats as risky (errCode 87014), standing in for WeChat's content
 * review. Deliberately small and unambiguous: illegal trade, drugs, gambling spam, gross insults.
 * `违禁词` is the agreed test word ("forbidden word") for tests and demos.
 */
export const DEFAULT_BLOCKED_WORDS: readonly string[] = [
  '违禁词',
  '冰毒',
  '海洛因',
  '卖淫',
  '裸聊',
  '代开发票',
  '六合彩',
  '网络赌博',
  '枪支出售',
  '傻逼',
]

/** Case-insensitive substring match; returns the first blocked word found, if any. */
export function findBlockedWord(text: string, words: readonly string[]): string | undefined {
  const hay = text.toLowerCase()
  return words.find((w) => w.length > 0 && hay.includes(w.toLowerCase()))
}

/**
 * Words the local msgSecCheck lets through with `suggest: 'review'` (WeChat's "a person should look"),
 * so the review verdict can be tested and demonstrated. `待审词` is the agreed test word.
 */
export const DEFAULT_REVIEW_WORDS: readonly string[] = ['待审词']
