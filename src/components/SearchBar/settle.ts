/** How long typing may pause before the list is asked again. */
export const SETTLE_MS = 400

/**
 * The search box's timing, apart from the screen so it can be tested: typing asks the list once
 * typing pauses (not on every key), 搜索 on the keyboard or 清除 asks at once, and a pending ask is
 * dropped when a newer one replaces it or the box goes away. The words are sent trimmed.
 */
export function settler(onChange: (q: string) => void, ms = SETTLE_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  return {
    typed(text: string) {
      cancel()
      timer = setTimeout(() => {
        timer = undefined
        onChange(text.trim())
      }, ms)
    },
    now(text: string) {
      cancel()
      onChange(text.trim())
    },
    cancel,
  }
}
