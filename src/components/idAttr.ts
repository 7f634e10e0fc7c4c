/** `{ id }` only when there is one: Taro H5 would otherwise render id="undefined" on every element. */
export const idAttr = (id: string | undefined): { id?: string } => (id ? { id } : {})
