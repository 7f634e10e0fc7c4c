import type { Ctx, Handler } from '../../shared/dispatch'
import { notFound } from '../../shared/errors'
import { LINK_SECONDS, storeFile } from '../../shared/storage'
import { repo, type PublicationDoc } from '../repo'
import { listInputsOf } from '../views'

/** 核算数据 of a published list (docs/property.md). The Excel form is made by the `export` function. */

async function publication(ctx: Ctx<{ publicationId: string }>): Promise<PublicationDoc> {
  const pub = await repo.publication(ctx.db, ctx.input.publicationId)
  if (!pub) throw notFound('榜单')
  return pub
}

export const listInputs: Handler<'property.list.inputs'> = {
  async run(ctx) {
    return listInputsOf(await publication(ctx))
  },
}

/**
 * The 核算数据 as a JSON file in storage, at one path per publication (a publication never changes,
 * so asking again rewrites the same content rather than adding files).
 */
export const listDownload: Handler<'property.list.download'> = {
  async run(ctx) {
    const data = listInputsOf(await publication(ctx))
    const cloudPath = `exports/property/inputs/${data.publicationId.replace(/[^\w.-]/g, '_')}.json`
    const stored = await storeFile(cloudPath, Buffer.from(JSON.stringify(data, null, 2), 'utf8'), LINK_SECONDS)
    return { fileID: stored.fileId, url: stored.url, fileName: `核算数据-${data.periodLabel}-第${data.version}版.json` }
  },
}
