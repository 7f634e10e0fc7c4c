import { dimensionShares, draftOf, parseRuleDraft } from '../../../src/packages/property/pages/street/ruleForm'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'

/** The street's rule editor: six dimension weights and the other numbers, checked before sending. */

const draft = (over: Record<string, string> = {}) => ({ ...draftOf(DEFAULT_RULE), ...over })
const parse = (over: Record<string, string> = {}) => parseRuleDraft(DEFAULT_RULE, 'monthly', draft(over))

describe('rule editor form', () => {
  it('fills a box for each of the three parts, the six dimensions, the nine numbers and the two 红色物业 bonuses', () => {
    const d = draftOf(DEFAULT_RULE)
    expect(Object.keys(d)).toHaveLength(3 + 6 + 9 + 2)
    // A rule saved before the field counts nothing of 红色物业.
    expect(d).toMatchObject({ 'rp.branchBonus': '0', 'rp.membersBonus': '0' })
    expect(d).toMatchObject({
      'w.satisfaction': '60',
      'd.cleaning': '1',
      'd.fees': '1',
      minSample: '10',
      redThreshold: '85',
    })
  })

  it('turns edited dimension weights into the rule sent to rule.publish', () => {
    const r = parse({
      'd.cleaning': '30',
      'd.order': '0',
      'd.repairs': '25',
      'd.greening': ' 5 ',
      'd.attitude': '30',
      'd.fees': '10',
    })
    expect(r.errors).toBeNull()
    expect(r.rule?.dimensionWeights).toEqual({
      cleaning: 30,
      order: 0,
      repairs: 25,
      greening: 5,
      attitude: 30,
      fees: 10,
    })
    expect(r.rule?.weights).toEqual(DEFAULT_RULE.weights)
  })

  it('says which box is empty or not a number instead of sending 0', () => {
    const r = parse({ 'd.fees': '', 'd.order': 'abc' })
    expect(r.errors).toEqual({ 'd.fees': '请填写', 'd.order': '须为数字' })
    expect(r.rule).toBeNull()
  })

  it('refuses negative, fractional and too large weights with the server’s own messages, naming the field', () => {
    expect(parse({ 'd.repairs': '-2' })).toMatchObject({
      errors: { 'd.repairs': '不能小于 0' },
      summary: '设施维修权重：不能小于 0',
    })
    expect(parse({ 'd.repairs': '1.5' }).errors).toEqual({ 'd.repairs': '须为整数' })
    expect(parse({ 'd.repairs': '101' }).errors).toEqual({ 'd.repairs': '不能大于 100' })
  })

  it('refuses six zero dimension weights as a whole-group problem', () => {
    const zero = {
      'd.cleaning': '0',
      'd.order': '0',
      'd.repairs': '0',
      'd.greening': '0',
      'd.attitude': '0',
      'd.fees': '0',
    }
    expect(parse(zero)).toMatchObject({ errors: { dims: '六项评价权重不能都为 0' }, summary: '六项评价权重不能都为 0' })
  })

  it('still checks the thresholds and the three weights', () => {
    expect(parse({ blackThreshold: '90' }).errors).toEqual({ blackThreshold: '黑榜线必须低于红榜线' })
    expect(parse({ 'w.satisfaction': '0', 'w.community': '0', 'w.rectification': '0' }).errors).toEqual({
      weights: '三项权重不能都为 0',
    })
    expect(parse({ minSample: '0' }).errors).toEqual({ minSample: '不能小于 1' })
  })

  it('shows each dimension’s share of satisfaction once the weights are valid', () => {
    expect(
      dimensionShares(
        draft({
          'd.cleaning': '2',
          'd.order': '2',
          'd.repairs': '4',
          'd.greening': '0',
          'd.attitude': '1',
          'd.fees': '1',
        }),
      ),
    ).toEqual({
      cleaning: 20,
      order: 20,
      repairs: 40,
      greening: 0,
      attitude: 10,
      fees: 10,
    })
    expect(dimensionShares(draft({ 'd.fees': '' }))).toBeNull()
    expect(
      dimensionShares(
        draft({
          'd.cleaning': '0',
          'd.order': '0',
          'd.repairs': '0',
          'd.greening': '0',
          'd.attitude': '0',
          'd.fees': '0',
        }),
      ),
    ).toBeNull()
  })
})

describe('红色物业 in the rule form', () => {
  it('sends the bonuses and the red list requirement', () => {
    const r = parseRuleDraft(
      DEFAULT_RULE,
      'monthly',
      { ...draftOf(DEFAULT_RULE), 'rp.branchBonus': '5', 'rp.membersBonus': '2.5' },
      true,
    )
    expect(r.errors).toBeNull()
    expect(r.rule?.redProperty).toEqual({ branchBonus: 5, membersBonus: 2.5, requireBranchForRed: true })
  })

  it('names the box when a bonus is out of range or the members bonus beats the branch bonus', () => {
    const tooBig = parseRuleDraft(DEFAULT_RULE, 'monthly', { ...draftOf(DEFAULT_RULE), 'rp.branchBonus': '25' })
    expect(tooBig.errors).toEqual({ 'rp.branchBonus': '不能大于 20' })
    const inverted = parseRuleDraft(DEFAULT_RULE, 'monthly', {
      ...draftOf(DEFAULT_RULE),
      'rp.branchBonus': '2',
      'rp.membersBonus': '4',
    })
    expect(inverted.errors).toEqual({ 'rp.membersBonus': '仅有党员的加分不能高于建有党支部的加分' })
  })
})
