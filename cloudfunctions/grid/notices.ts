import type { HandlerType } from '../../types/grid'
import { cnTime } from '../shared/clock'
import type { Ctx } from '../shared/dispatch'
import { notify } from '../shared/notify'
import { listPeopleOfScope } from './repo'

/** Bounded fan-out of notices to the people of a party (a company or unit has a handful of staff); a member by their openid. */
export async function notifyParty(
  ctx: Ctx<unknown>,
  party: { type: HandlerType; id: string; openid?: string },
  templateId: string,
  page: string,
  title: string,
) {
  const role =
    party.type === 'company'
      ? 'property_staff'
      : party.type === 'unit'
        ? 'unit_liaison'
        : party.type === 'community'
          ? 'secretary'
          : null
  let to: string[] = party.openid ? [party.openid] : []
  if (role) {
    const people = await listPeopleOfScope(ctx.db, party.id)
    to = people
      .filter((u) => u.roles.some((g) => g.role === role && g.scopeId === party.id))
      .map((u) => u._id)
      .slice(0, 10)
  }
  for (const openid of to) {
    await notify({
      toOpenid: openid,
      templateId,
      page,
      data: { thing1: { value: title.slice(0, 20) }, time2: { value: cnTime(ctx.now) } },
    })
  }
}
