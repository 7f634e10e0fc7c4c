/**
 * `npx tsx scripts/rename-schemas.ts [--dry-run] [--list]`: issue 16 §7 (one vocabulary). Every zod
 * value declared at module level (types/ and anywhere else in the project) is renamed from `fooBar` to
 * `FooBarSchema`; the type beside it (`type FooBar = z.infer<typeof …>`) keeps its name. Names that
 * already end in `Schema` are left as they are, so a second run changes nothing.
 *
 * The references come from the TypeScript language service (`findRenameLocations` over tsconfig.json:
 * imports, re-exports, `typeof`, `mod.name`, JSDoc links), never from a text search; comments and
 * strings are not touched. A shorthand property (`z.object({ id })`) keeps its key (`id: IdSchema`).
 * A value counts as a schema when its type is zod's (`_zod` declared by the zod package), so
 * constants, role lists and schema factories (`text(…)`, `photoList(…)`) stay. Values inside a
 * function are listed, not renamed. A new name that something already means at one of the places
 * (a type, an import, another export of the module) is reported and that schema is skipped.
 */
import * as ts from 'typescript'
import { readFileSync, writeFileSync } from 'fs'
import { join, relative } from 'path'

const ROOT = join(__dirname, '..')
const DRY_RUN = process.argv.includes('--dry-run')
const LIST = process.argv.includes('--list')

/** `fooBar` → `FooBarSchema`, `FOO_BAR` → `FooBarSchema`; a name ending in Schema is already right. */
export function schemaName(name: string): string {
  if (/Schema$/.test(name)) return name
  const pascal = /^[A-Z0-9_]+$/.test(name)
    ? name
        .toLowerCase()
        .split('_')
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('')
    : name[0].toUpperCase() + name.slice(1)
  return `${pascal}Schema`
}

interface Candidate {
  decl: ts.VariableDeclaration & { name: ts.Identifier }
  symbol: ts.Symbol
  from: string
  to: string
}
interface Edit {
  start: number
  end: number
  text: string
}

const rel = (f: string) => relative(ROOT, f)
const where = (node: ts.Node) => {
  const sf = node.getSourceFile()
  return `${rel(sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`
}

function languageService(): ts.LanguageService {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      },
    },
  )
  if (!parsed) throw new Error('tsconfig.json could not be read')
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => parsed.fileNames,
    getScriptVersion: () => '0',
    getScriptSnapshot: (f) => {
      const text = ts.sys.readFile(f)
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
    },
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => parsed.options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  }
  return ts.createLanguageService(host, ts.createDocumentRegistry())
}

const ownFile = (sf: ts.SourceFile) => !sf.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(sf.fileName)

/** A zod schema's type: it has `safeParse` and the `_zod` internals declared by the zod package. */
function isZodType(type: ts.Type): boolean {
  const internals = type.getProperty('_zod')
  return (
    !!internals &&
    !!type.getProperty('safeParse') &&
    !!internals.declarations?.some((d) => /[\\/]node_modules[\\/]zod[\\/]/.test(d.getSourceFile().fileName))
  )
}

function isSchemaDeclaration(
  d: ts.VariableDeclaration,
  checker: ts.TypeChecker,
): d is ts.VariableDeclaration & { name: ts.Identifier } {
  if (!ts.isIdentifier(d.name) || !d.initializer) return false
  let init = d.initializer
  while (ts.isParenthesizedExpression(init)) init = init.expression
  // A cast says what the value is meant to be, not what it is.
  if (ts.isAsExpression(init) || ts.isTypeAssertionExpression(init)) return false
  return isZodType(checker.getTypeAtLocation(d.name))
}

/** Module-level const schemas (to rename) and schemas declared inside functions (listed only). */
function findSchemas(program: ts.Program) {
  const checker = program.getTypeChecker()
  const moduleLevel: (ts.VariableDeclaration & { name: ts.Identifier })[] = []
  const nested: (ts.VariableDeclaration & { name: ts.Identifier })[] = []
  for (const sf of program.getSourceFiles().filter(ownFile)) {
    for (const stmt of sf.statements) {
      if (!ts.isVariableStatement(stmt) || !(stmt.declarationList.flags & ts.NodeFlags.Const)) continue
      for (const d of stmt.declarationList.declarations) if (isSchemaDeclaration(d, checker)) moduleLevel.push(d)
    }
    const visit = (n: ts.Node, inFunction: boolean): void => {
      if (inFunction && ts.isVariableDeclaration(n) && isSchemaDeclaration(n, checker)) nested.push(n)
      ts.forEachChild(n, (c) => visit(c, inFunction || ts.isFunctionLike(n)))
    }
    visit(sf, false)
  }
  return { moduleLevel, nested }
}

/** The identifier a rename location points at. */
function identifierAt(sf: ts.SourceFile, start: number): ts.Identifier | undefined {
  let found: ts.Identifier | undefined
  const visit = (n: ts.Node): void => {
    if (found || start < n.pos || start >= n.end) return
    if (ts.isIdentifier(n) && n.getStart(sf) === start) found = n
    else ts.forEachChild(n, visit)
  }
  visit(sf)
  return found
}

/** A name that is looked up in the scope where it stands (not `x.name`, not the `name` of `{ name as x }`). */
function isScopedName(id: ts.Identifier): boolean {
  const p = id.parent
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false
  if (ts.isQualifiedName(p) && p.right === id) return false
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return false
  // `export { name } from '…'` names the other module's export: checked with the modules' exports.
  if (ts.isExportSpecifier(p) && !p.propertyName && p.parent.parent.moduleSpecifier) return false
  return true
}

const MEANINGS = ts.SymbolFlags.Value | ts.SymbolFlags.Type | ts.SymbolFlags.Namespace | ts.SymbolFlags.Alias

function main() {
  const started = Date.now()
  const service = languageService()
  const program = service.getProgram()
  if (!program) throw new Error('no program')
  const checker = program.getTypeChecker()
  const { moduleLevel, nested } = findSchemas(program)

  const candidates: Candidate[] = []
  for (const decl of moduleLevel) {
    const to = schemaName(decl.name.text)
    if (to === decl.name.text) continue
    const symbol = checker.getSymbolAtLocation(decl.name)
    if (symbol) candidates.push({ decl, symbol, from: decl.name.text, to })
  }

  // Every rename is planned on the untouched program, then checked against the others before any is applied.
  const plans = candidates.map((c) => ({
    ...c,
    edits: [] as { file: string; edit: Edit }[],
    problems: [] as string[],
    aliases: [] as string[],
  }))
  const planOf = new Map(plans.map((p) => [p.symbol, p]))
  /** Which symbols will be called `name` where a name is looked up, per file: two there is a clash. */
  const scoped = new Map<string, Set<ts.Symbol>>()
  for (const plan of plans) {
    const sf = plan.decl.getSourceFile()
    const locations = service.findRenameLocations(sf.fileName, plan.decl.name.getStart(sf), false, false, {
      providePrefixAndSuffixTextForRename: false,
    })
    if (!locations) {
      plan.problems.push('the language service cannot rename it')
      continue
    }
    for (const loc of locations) {
      const lsf = program.getSourceFile(loc.fileName)
      if (!lsf || !ownFile(lsf)) {
        plan.problems.push(`a reference in ${rel(loc.fileName)}, outside the project's sources`)
        continue
      }
      const id = identifierAt(lsf, loc.textSpan.start)
      if (!id || id.text !== plan.from) {
        plan.problems.push(`${rel(loc.fileName)}@${loc.textSpan.start} is not the name ${plan.from}`)
        continue
      }
      if (isScopedName(id)) {
        const taken = checker.resolveName(plan.to, id, MEANINGS, false)
        if (taken) {
          const problem = `${plan.to} already means ${taken.declarations?.[0] ? where(taken.declarations[0]) : 'a global'} where ${plan.from} is used`
          if (!plan.problems.includes(problem)) plan.problems.push(problem)
        }
        const key = `${loc.fileName}\0${plan.to}`
        scoped.set(key, (scoped.get(key) ?? new Set()).add(plan.symbol))
      }
      if (ts.isImportSpecifier(id.parent) && id.parent.propertyName === id && !/Schema$/.test(id.parent.name.text)) {
        plan.aliases.push(`${where(id)} imports ${plan.to} as ${id.parent.name.text} (kept)`)
      }
      // `{ id }` in an object literal: the key stays, only the value is renamed.
      const shorthand = ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id
      plan.edits.push({
        file: loc.fileName,
        edit: {
          start: loc.textSpan.start,
          end: loc.textSpan.start + loc.textSpan.length,
          text: shorthand ? `${plan.from}: ${plan.to}` : plan.to,
        },
      })
    }
  }
  for (const [key, symbols] of scoped) {
    if (symbols.size < 2) continue
    for (const s of symbols)
      planOf.get(s)?.problems.push(`${rel(key.split('\0')[0])} would have two ${key.split('\0')[1]}`)
  }
  // A module's exports after the rename (aliases resolved): a name exported twice would drop out of `export *`.
  for (const sf of program.getSourceFiles().filter(ownFile)) {
    const moduleSymbol = checker.getSymbolAtLocation(sf)
    if (!moduleSymbol) continue
    const byName = new Map<string, Set<ts.Symbol>>()
    for (const e of checker.getExportsOfModule(moduleSymbol)) {
      const target = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e
      const name = e.name === planOf.get(target)?.from ? planOf.get(target)!.to : e.name
      byName.set(name, (byName.get(name) ?? new Set()).add(target))
    }
    for (const [name, targets] of byName) {
      if (targets.size < 2) continue
      for (const t of targets) planOf.get(t)?.problems.push(`${rel(sf.fileName)} would export ${name} twice`)
    }
  }

  const edits = new Map<string, Edit[]>()
  const collisions: string[] = []
  const aliases: string[] = []
  let renamed = 0
  let references = 0
  const perName: string[] = []
  for (const plan of plans) {
    if (plan.problems.length) {
      collisions.push(`${where(plan.decl)} ${plan.from} → ${plan.to} skipped: ${plan.problems.join('; ')}`)
      continue
    }
    renamed++
    references += plan.edits.length
    aliases.push(...plan.aliases)
    perName.push(`${where(plan.decl)}\t${plan.from} → ${plan.to}\t${plan.edits.length} references`)
    for (const { file, edit } of plan.edits) edits.set(file, [...(edits.get(file) ?? []), edit])
  }

  for (const [file, list] of edits) {
    list.sort((a, b) => b.start - a.start)
    for (let i = 1; i < list.length; i++)
      if (list[i].end > list[i - 1].start) throw new Error(`overlapping renames in ${rel(file)} at ${list[i].start}`)
    if (DRY_RUN) continue
    let text = readFileSync(file, 'utf8')
    for (const e of list) text = text.slice(0, e.start) + e.text + text.slice(e.end)
    writeFileSync(file, text)
  }

  if (LIST) for (const line of perName) console.log(line)
  for (const d of nested) console.log(`left alone (declared inside a function): ${where(d)} ${d.name.text}`)
  for (const a of aliases) console.log(`alias: ${a}`)
  for (const c of collisions) console.log(`COLLISION: ${c}`)
  const already = moduleLevel.length - candidates.length
  console.log(
    `${DRY_RUN ? '[dry run] ' : ''}${moduleLevel.length} module-level schemas (${already} already named …Schema): ` +
      `${renamed} renamed, ${collisions.length} skipped; ${references} references in ${edits.size} files; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  if (collisions.length) process.exitCode = 1
}

if (require.main === module) main()
