import { useEffect, useState } from 'react'
import type { CloudError } from '../services/errors'
import { serverFieldErrors, showFirstError } from '../services/formErrors'

export interface FormErrors {
  /** Field → message: the form's own checks, then what the function refused (INVALID_INPUT issues). */
  errors: Record<string, string>
  /** Sets the form's own errors and scrolls to the first; true when there are none (go ahead and send). */
  check: (found: Record<string, string>) => boolean
  /** The refusal's message when it belongs to no field on the form (shown once, near the submit button). */
  formError: string | undefined
  /** Forget the form's own error of a field once the person has changed it. */
  clear: (key: string) => void
}

/**
 * Errors beside their fields, the page scrolled to the first one — for the form's own checks and for
 * a send the function refused. `order`: input key → field id, in the order the fields are shown.
 */
export function useFormErrors(order: Record<string, string>, serverError?: CloudError): FormErrors {
  const [own, setOwn] = useState<Record<string, string>>({})
  const server = serverFieldErrors(serverError)
  useEffect(() => {
    showFirstError(serverFieldErrors(serverError), order)
  }, [serverError])
  const check = (found: Record<string, string>) => {
    setOwn(found)
    const ok = Object.keys(found).length === 0
    if (!ok) showFirstError(found, order)
    return ok
  }
  const placed = Object.keys(server).some((k) => k in order)
  const clear = (key: string) =>
    setOwn((o) => (key in o ? Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) : o))
  return {
    errors: { ...server, ...own },
    check,
    clear,
    formError: serverError && !placed ? serverError.message : undefined,
  }
}
