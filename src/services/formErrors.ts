import Taro from '@tarojs/taro'
import type { CloudError } from './errors'
import { issuesByField } from './errors'

/**
 * Form errors stand beside their field (Field's `error`), and the page scrolls to the first one so a
 * person with a long form on a small screen sees what to fix. `order` maps each input key to the id of
 * its field on the page, in the order the fields are shown.
 */
export function showFirstError(errors: Record<string, string>, order: Record<string, string>): void {
  const first = Object.keys(order).find((k) => errors[k])
  if (first) scrollToId(order[first])
}

/** Field → message of a refused send (INVALID_INPUT carries the function's own field issues); {} otherwise. */
export const serverFieldErrors = (e: CloudError | undefined): Record<string, string> =>
  e && e.code === 'INVALID_INPUT' ? issuesByField(e.issues) : {}

/** Scroll the page on screen so the element `#id` sits in the upper middle. */
export function scrollToId(id: string): void {
  if (process.env.TARO_ENV === 'h5') {
    // Taro H5 keeps earlier pages in the DOM (hidden) and each page scrolls in its own element.
    const dom = document as unknown as Document
    const page = Array.from(dom.querySelectorAll('.taro_page')).find((p) => (p as HTMLElement).style.display !== 'none')
    const el = (page ?? dom).querySelector(`#${CSS.escape(id)}`)
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    return
  }
  void Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -120, duration: 300 }).catch(() => undefined)
}
