'use strict'
// Speed only, no change in behaviour: dynalite parses every ConditionExpression and FilterExpression with a
// PEG parser that costs most of its CPU (about 250 conditional writes/s on 2 cores for the idempotency
// store's claim condition). Requests repeat the same expression with other values, so the parse is kept per
// (expression, attribute names, the TYPE of each attribute value) and each request gets a copy with its own
// values put in. This is exact because the parser looks only at the values' types, except in two places:
// attribute_type() reads its argument and BETWEEN compares its bounds; expressions that use either are never
// cached. Failed parses are never cached either: the real parse runs and reports the error as before.

const conditionParser = require('dynalite/db/conditionParser')

const MAX_ENTRIES = 1000
const VALUE_TYPES = [ 'S', 'N', 'B', 'NULL', 'BOOL', 'SS', 'NS', 'BS', 'L', 'M' ]
const PLACEHOLDER = { S: '', N: '0', B: '', NULL: true, BOOL: false, SS: [], NS: [], BS: [], L: [], M: {} }

function typeOf (value) {
  return VALUE_TYPES.find(type => value != null && value[type] != null) || null
}

function signature (context) {
  const names = context.attrNames || {}, values = context.attrVals || {}
  return JSON.stringify(Object.keys(names).sort().map(k => [ k, names[k] ])) +
    JSON.stringify(Object.keys(values).sort().map(k => [ k, typeOf(values[k]) ]))
}

function withValues (node, placeholders, values) {
  if (node == null || typeof node !== 'object') return node
  if (placeholders.has(node)) return values[placeholders.get(node)]
  if (Array.isArray(node)) return node.map(child => withValues(child, placeholders, values))
  const copy = Object.create(Object.getPrototypeOf(node))
  for (const key of Object.keys(node)) copy[key] = withValues(node[key], placeholders, values)
  return copy
}

function install () {
  const parse = conditionParser.parse
  const cache = new Map()

  conditionParser.parse = function (input, options) {
    const context = options && options.context
    if (!context || context.isKeyCondition || /attribute_type|between/i.test(input)) {
      return parse.call(this, input, options)
    }
    const key = input + '\u0000' + signature(context)
    let entry = cache.get(key)
    if (entry === undefined) {
      entry = probe(parse, this, input, context)
      if (cache.size >= MAX_ENTRIES) cache.clear()
      cache.set(key, entry)
    }
    if (entry === null) return parse.call(this, input, options)
    for (const name of entry.usedNames) delete context.unusedAttrNames[name]
    for (const name of entry.usedValues) delete context.unusedAttrVals[name]
    return withValues(entry.result, entry.placeholders, context.attrVals)
  }
}

/** Parses with a placeholder of the same type for each value; null if the parse fails. */
function probe (parse, parser, input, context) {
  const placeholders = new Map(), values = {}
  for (const [ name, value ] of Object.entries(context.attrVals || {})) {
    const type = typeOf(value)
    if (type == null) return null
    values[name] = { [type]: structuredClone(PLACEHOLDER[type]) }
    placeholders.set(values[name], name)
  }
  const allNames = Object.keys(context.attrNames || {}), allValues = Object.keys(values)
  const unusedNames = Object.fromEntries(allNames.map(name => [ name, true ]))
  const unusedValues = Object.fromEntries(allValues.map(name => [ name, true ]))
  let result
  try {
    result = parse.call(parser, input, { context: Object.assign({}, context, {
      attrVals: values, unusedAttrNames: unusedNames, unusedAttrVals: unusedValues }) })
  }
  catch {
    return null
  }
  if (result == null || typeof result !== 'object') return null
  return {
    result,
    placeholders,
    usedNames: allNames.filter(name => !(name in unusedNames)),
    usedValues: allValues.filter(name => !(name in unusedValues)),
  }
}

module.exports = { install }
