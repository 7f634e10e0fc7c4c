// Issue 15 §1 in Chromium: a rule that counts 红色物业 (a bonus for a verified branch) and the street's
// verification of 万邦物业's declared branch moves its placement in the preview. On a server of its own:
// the rule change would move the shared demo world's lists.
import { api, ownServer, see, setIdentity, shot, visible } from './lib.mjs'

const ADMIN = 'o-street-admin'
const PERIOD = 'per:st-jinxiu:2026-11'

async function previewEntry(page, companyId) {
  await visible(page, '#tab-periods').click()
  await visible(page, '#preview-2026-11').click()
  await visible(page, '#preview').waitFor()
  const entry = visible(page, `#entry-${companyId}`)
  await entry.waitFor()
  return entry
}

export const journeys = [
  [
    'issue 15 §1: the street counts a verified branch in the rule, verifies 万邦物业’s declared branch, and its placement moves to 红榜',
    (page) =>
      ownServer(async (base) => {
        // Where 万邦物业 stands now: its own branch is declared, not yet verified, so it counts as none.
        const before = (await api(page, base, ADMIN, 'property', 'list.preview', { periodId: PERIOD })).entries.find(
          (e) => e.companyId === 'co-4',
        )
        if (!before || before.placement !== 'neutral')
          throw new Error(`万邦物业 is not in the middle to start with: ${JSON.stringify(before)}`)
        const redLine = Math.ceil(before.score) + 1 // above its score now, below it with the 6-point bonus

        // 1. 赵立新 saves a new rule version: the red line just above 万邦's score, 6 points for a verified branch.
        await setIdentity(page, base, ADMIN)
        await visible(page, '#tile-prop-street').click()
        await visible(page, '#tab-rule').click()
        await visible(page, '#rule-redThreshold input').fill(String(redLine))
        await visible(page, '#rule-rp-branchBonus input').fill('6')
        const { version } = await api(page, base, ADMIN, 'property', 'rule.current', { streetId: 'st-jinxiu' })
        await visible(page, '#save-rule').click()
        await see(page, `当前第 ${version + 1} 版`)
        await shot(page, 'redprop-01-rule-counts-branch')

        // 2. The preview: 万邦物业 stays in the middle, and says why its branch does not count yet.
        let entry = await previewEntry(page, 'co-4')
        await entry.getByText('登记未经街道核实，按无党员计').first().waitFor()
        await entry.getByText('未核实').first().waitFor()
        await entry
          .locator('.tx-tag', { hasText: /^未上榜$/ })
          .first()
          .waitFor()
        if (await entry.locator('.tx-tag', { hasText: /^红榜$/ }).count())
          throw new Error('万邦物业 is on the red list before its branch is verified')
        await shot(page, 'redprop-02-preview-unverified')

        // 3. The street verifies the branch on 红色物业覆盖, naming the instructor it sends.
        await visible(page, '#tab-periods').click()
        await visible(page, '#go-coverage').click()
        await visible(page, '#verify-co-4').waitFor()
        await shot(page, 'redprop-03-coverage-pending')
        await visible(page, '#verify-co-4').click()
        await visible(page, '#verify-co-4').waitFor({ state: 'detached' })
        await setIdentity(page, base, ADMIN)
        await visible(page, '#tile-prop-street').click()

        // 4. The preview again: the bonus counts and 万邦物业 is on the red list.
        entry = await previewEntry(page, 'co-4')
        await entry.getByText('红色物业：建有党支部，加 6 分').first().waitFor()
        await entry.getByText('街道已核实').first().waitFor()
        await entry
          .locator('.tx-tag', { hasText: /^红榜$/ })
          .first()
          .waitFor()
        await shot(page, 'redprop-04-preview-red')
        const after = (await api(page, base, ADMIN, 'property', 'list.preview', { periodId: PERIOD })).entries.find(
          (e) => e.companyId === 'co-4',
        )
        if (after.placement !== 'red' || Math.abs(after.score - Math.min(100, before.score + 6)) > 0.01)
          throw new Error(`after verification: ${JSON.stringify(after)}`)
      }),
  ],
]
