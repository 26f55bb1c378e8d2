'use strict'
// TransactWriteItems, which dynalite 4.0.0 lacks (architect/dynalite#151): Put, Update, Delete and
// ConditionCheck on up to 100 distinct items, all or nothing, with ClientRequestToken idempotency.
//
// How: each part is validated by dynalite's own PutItem/UpdateItem/DeleteItem validation (which also parses
// its expressions). The per-key locks that dynalite's single-item writes take are taken for every item, in
// one global order so that two transactions cannot deadlock. Each part then runs through dynalite's own
// action against a view of the store that reads the database but collects the writes instead of making
// them. If every part succeeds, the collected writes go to the database in one batch, so that no reader
// ever sees half a transaction; otherwise TransactionCanceledException lists a reason per part, in request
// order. The locks are released last.
//
// ClientRequestToken: for 10 minutes after a call with a token succeeded, the same token with the same
// parameters answers success without applying anything again, and with other parameters answers
// IdempotentParameterMismatchException; while a call with the token is in progress, another answers
// TransactionInProgressException. A cancelled or failed call does not keep its token.
//
// Not done: ConsumedCapacity and ItemCollectionMetrics in the response.

const db = require('dynalite/db')
const validations = require('dynalite/validations')
const errors = require('./errors')

const MAX_ITEMS = 100
const TOKEN_WINDOW_MS = 10 * 60 * 1000
const ACTIONS = { Put: 'putItem', Update: 'updateItem', Delete: 'deleteItem', ConditionCheck: 'deleteItem' }

function stableJson (value) {
  if (Array.isArray(value)) return '[' + value.map(stableJson).join(',') + ']'
  if (value != null && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map(k => JSON.stringify(k) + ':' + stableJson(value[k])).join(',') + '}'
  }
  return JSON.stringify(value)
}

function parseParts (data, store) {
  const items = data.TransactItems
  if (!Array.isArray(items)) {
    throw errors.validation('1 validation error detected: Value null at \'transactItems\' failed to satisfy ' +
      'constraint: Member must not be null')
  }
  if (items.length < 1 || items.length > MAX_ITEMS) {
    throw errors.validation('1 validation error detected: Value at \'transactItems\' failed to satisfy ' +
      'constraint: Member must have length between 1 and ' + MAX_ITEMS)
  }
  const token = data.ClientRequestToken
  if (token != null && (typeof token !== 'string' || token.length < 1 || token.length > 36)) {
    throw errors.validation('1 validation error detected: Value at \'clientRequestToken\' failed to satisfy ' +
      'constraint: Member must have length between 1 and 36')
  }
  return items.map(function (item, index) {
    const kinds = Object.keys(item || {}).filter(k => ACTIONS[k] && item[k] != null)
    if (kinds.length !== 1) {
      throw errors.validation('TransactItems can only contain one of ConditionCheck, Put, Update or Delete')
    }
    const kind = kinds[0], validation = require('dynalite/validations/' + ACTIONS[kind])
    const part = validations.checkTypes(Object.assign({}, item[kind]), validation.types)
    validations.checkValidations(part, validation.types, validation.custom, store)
    if (kind === 'ConditionCheck' && part.ConditionExpression == null) {
      throw errors.validation('1 validation error detected: Value null at \'transactItems.' + (index + 1) +
        '.member.conditionCheck.conditionExpression\' failed to satisfy constraint: Member must not be null')
    }
    return { kind, index, data: part }
  })
}

/** A view of the store whose item and index databases read through but collect their writes. */
function collectingView (store, writes) {
  function collecting (real, prefix) {
    return {
      lock: (key, fn) => fn(done => done),
      get: (key, cb) => real.get(key, cb),
      put: (key, value, cb) => { writes.push({ type: 'put', key: prefix + key, value }); setImmediate(cb) },
      del: (key, cb) => { writes.push({ type: 'del', key: prefix + key }); setImmediate(cb) },
    }
  }
  const view = Object.create(store)
  view.getItemDb = name => collecting(store.getItemDb(name), 'item-' + name + '~')
  view.getIndexDb = (type, table, index) =>
    collecting(null, 'index-' + type.toLowerCase() + '~' + table + '~' + index + '~')
  return view
}

function resolveKeys (store, parts, cb) {
  const seen = new Set()
  let i = 0
  ;(function next (err) {
    if (err) return cb(err)
    if (i === parts.length) return cb(null)
    const part = parts[i++]
    store.getTable(part.data.TableName, function (err, table) {
      if (err) return cb(err)
      const keyed = part.kind === 'Put' ? part.data.Item : part.data.Key
      const invalid = part.kind === 'Put' ? db.validateItem(keyed, table) : db.validateKey(keyed, table)
      if (invalid != null) return cb(invalid)
      part.key = db.createKey(keyed, table)
      part.lockId = table.TableName + '\u0000' + part.key
      if (seen.has(part.lockId)) {
        return cb(errors.validation('Transaction request cannot include multiple operations on one item'))
      }
      seen.add(part.lockId)
      next()
    })
  })()
}

function lockAll (store, parts, cb) {
  const ordered = parts.slice().sort((a, b) => (a.lockId < b.lockId ? -1 : a.lockId > b.lockId ? 1 : 0))
  const releases = []
  ;(function next (i) {
    if (i === ordered.length) return cb(function releaseAll () { releases.forEach(release => release()()) })
    store.getItemDb(ordered[i].data.TableName).lock(ordered[i].key, function (release) {
      releases.push(release)
      next(i + 1)
    })
  })(0)
}

function cancellationReason (err) {
  const type = String(err.body && err.body.__type)
  if (type.endsWith('#ConditionalCheckFailedException')) {
    const reason = { Code: 'ConditionalCheckFailed', Message: err.body.message }
    if (err.body.Item) reason.Item = err.body.Item
    return reason
  }
  if (type.endsWith('#ValidationException')) return { Code: 'ValidationError', Message: err.body.message }
  return null
}

function runPart (view, part, cb) {
  if (part.kind === 'ConditionCheck') {
    return view.getItemDb(part.data.TableName).get(part.key, function (err, item) {
      if (err && err.name !== 'NotFoundError') return cb(err)
      const failed = db.checkConditional(part.data, item)
      cb(null, failed ? cancellationReason(failed) : null)
    })
  }
  require('dynalite/actions/' + ACTIONS[part.kind])(view, part.data, function (err) {
    if (err) {
      const reason = cancellationReason(err)
      return reason ? cb(null, reason) : cb(err)
    }
    cb(null, null)
  })
}

function apply (store, parts, cb) {
  const writes = [], view = collectingView(store, writes), reasons = []
  let i = 0
  ;(function next () {
    if (i < parts.length) {
      return runPart(view, parts[i++], function (err, reason) {
        if (err) return cb(err)
        reasons.push(reason)
        next()
      })
    }
    if (reasons.some(Boolean)) {
      const codes = reasons.map(r => (r ? r.Code : 'None'))
      return cb(errors.dynamo('TransactionCanceledException',
        'Transaction cancelled, please refer cancellation reasons for specific reasons [' + codes.join(', ') + ']',
        { CancellationReasons: reasons.map(r => r || { Code: 'None' }) }))
    }
    if (!writes.length) return cb(null, {})
    store.db.batch(writes, err => cb(err, err ? undefined : {}))
  })()
}

function transactWriteItems (store) {
  const tokens = new Map()

  function claimToken (token, fingerprint) {
    const now = Date.now()
    for (const [t, entry] of tokens) {
      if (entry.until != null && entry.until <= now) tokens.delete(t)
    }
    const entry = tokens.get(token)
    if (entry && entry.fingerprint !== fingerprint) {
      return errors.dynamo('IdempotentParameterMismatchException',
        'The request uses the same client token as a previous, but non-identical request.')
    }
    if (entry && entry.until == null) {
      return errors.dynamo('TransactionInProgressException',
        'The transaction with the given request token is already in progress.')
    }
    if (entry) return 'done'
    tokens.set(token, { fingerprint, until: null })
    return null
  }

  return function TransactWriteItems (data, cb) {
    const token = data.ClientRequestToken
    const parameters = Object.assign({}, data)
    delete parameters.ClientRequestToken
    const fingerprint = stableJson(parameters)
    let parts
    try {
      parts = parseParts(data, store)
    }
    catch (err) {
      if (err.statusCode) return cb(err)
      throw err
    }
    if (token != null) {
      const claimed = claimToken(token, fingerprint)
      if (claimed === 'done') return cb(null, {})
      if (claimed) return cb(claimed)
    }
    function finish (err, result) {
      if (token != null) {
        if (err) tokens.delete(token)
        else tokens.get(token).until = Date.now() + TOKEN_WINDOW_MS
      }
      cb(err, result)
    }
    resolveKeys(store, parts, function (err) {
      if (err) return finish(err)
      lockAll(store, parts, function (releaseAll) {
        apply(store, parts, function (err, result) {
          releaseAll()
          finish(err, result)
        })
      })
    })
  }
}

module.exports = transactWriteItems
