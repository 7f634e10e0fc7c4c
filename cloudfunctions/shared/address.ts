/**
 * A household's address, e.g. 和谐家园 1号楼 101. Households keep the estate's and building's names
 * (`estateName`, `buildingName`), which a rename (org place.rename) updates for all of them with one
 * request; `address` is what it was when registered. A new record (a binding, a rating, a wish, a 报到)
 * copies `addressOf(household)`, so it names the household as it is called now; older records keep the
 * name they were made under.
 */
export const formatAddress = (estate: string, building: string, room: string) => `${estate} ${building} ${room}`

export function addressOf(h: { address: string; room: string; estateName?: string; buildingName?: string }): string {
  return h.estateName && h.buildingName ? formatAddress(h.estateName, h.buildingName, h.room) : h.address
}
