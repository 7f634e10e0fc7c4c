import { PRESETS, presetsFor } from '../../../types/council'

/** The tier of what is decided fixes which thresholds a vote may use (SPEC §5); the form and vote.open share this. */
describe('presetsFor', () => {
  it('allows only a simple majority for a 小事 decided directly', () => {
    expect(presetsFor(['minor'], true)).toMatchObject({
      allowed: ['simple'],
      preferred: 'simple',
      refusal: '小事按简单多数表决',
    })
  })

  it('needs the civil-code thresholds (or custom) for an agenda item with a 大事 among its topics', () => {
    const p = presetsFor(['minor', 'major'], false)
    expect(p.allowed).toEqual(['civil_code_ordinary', 'civil_code_major', 'custom'])
    expect(p.allowed).not.toContain('simple')
    expect(p.preferred).toBe('civil_code_ordinary')
    expect(p.refusal).toBe('大事须使用民法典或自定义门槛')
  })

  it('allows any preset for 小事 and 急事 on an agenda, preselecting a simple majority', () => {
    expect(presetsFor(['minor'], false)).toMatchObject({ allowed: [...PRESETS], preferred: 'simple' })
    expect(presetsFor(['urgent', 'minor'], false)).toMatchObject({ allowed: [...PRESETS], preferred: 'simple' })
  })

  it('allows any preset for an item without a topic, preselecting 民法典一般事项', () => {
    expect(presetsFor([], false)).toMatchObject({ allowed: [...PRESETS], preferred: 'civil_code_ordinary' })
    expect(presetsFor([undefined], false).preferred).toBe('civil_code_ordinary')
  })
})
