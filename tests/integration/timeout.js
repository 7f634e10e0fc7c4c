// A hang guard, not a speed assertion: each file seeds a whole demo world on a shared 2-core machine.
jest.setTimeout(30_000)
