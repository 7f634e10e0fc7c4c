import { NOTICE_KINDS } from '../../../types/notices'
import type { Handler } from '../../shared/dispatch'
import { TEMPLATES } from '../../shared/notify'

/**
 * The template id of every notice kind, so the mini-program can ask for consent before a send
 * (WeChat refuses a subscription message nobody consented to). Template ids are not secret.
 */
export const noticeTemplates: Handler<'org.notice.templates'> = {
  async run() {
    return { templates: NOTICE_KINDS.map((kind) => ({ kind, templateId: TEMPLATES[kind] })) }
  },
}
