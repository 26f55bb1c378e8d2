#!/usr/bin/env node
'use strict'
// Starts dynalite (pinned at 4.0.0 in ../../../package.json) in memory, with tables that become ACTIVE at
// once, and adds what the tests need that dynalite lacks, as DynamoDB documents it:
//   - ReturnValuesOnConditionCheckFailure on PutItem, UpdateItem and DeleteItem (conditionCheckItem.js);
//   - UpdateTimeToLive and DescribeTimeToLive (timeToLive.js; expired items are not deleted);
//   - TransactWriteItems with ClientRequestToken (transactWriteItems.js);
// and keeps condition parses for reuse, which changes nothing but speed (parseCache.js).
// Once bound it prints one line, "dynalite <version> listening at http://<host>:<port>", which the Java
// side (dev.secondchance.testing.dynamodb.Dynalite) reads.
//
// Usage: node launcher.js [--host 127.0.0.1] [--port 0] [--exit-on-stdin-close]

const http = require('node:http')
const { parseArgs } = require('node:util')

const DYNALITE_VERSION = '4.0.0'

const { values: args } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'exit-on-stdin-close': { type: 'boolean', default: false },
  },
})

const version = require('dynalite/package.json').version
if (version !== DYNALITE_VERSION) {
  console.error('[launcher] needs dynalite ' + DYNALITE_VERSION + ' (it patches its internals), found ' + version)
  process.exit(2)
}

const db = require('dynalite/db')
require('./conditionCheckItem').install()
require('./parseCache').install()
const timeToLive = require('./timeToLive')
const transactWriteItems = require('./transactWriteItems')
const front = require('./front')

let store
const createStore = db.create
db.create = function (options) {
  store = createStore(options)
  return store
}
const dynalite = require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
db.create = createStore

const server = http.createServer(front(dynalite.listeners('request')[0], Object.assign(
  { TransactWriteItems: transactWriteItems(store) }, timeToLive(store))))
// Longer than any client's idle time, so that a client never sends on a connection the server is closing.
server.keepAliveTimeout = 120000
server.headersTimeout = 125000

// dynalite rethrows a request stream's error (a client that hung up mid-request): log it, keep serving.
process.on('uncaughtException', err => console.error('[launcher] ' + (err && err.stack || err)))

server.on('error', function (err) {
  console.error('[launcher] cannot listen on ' + args.host + ':' + args.port + ': ' + err.message)
  process.exit(1)
})
server.listen(Number(args.port), args.host, function () {
  const address = server.address()
  const host = address.family === 'IPv6' ? '[' + address.address + ']' : address.address
  console.log('dynalite ' + version + ' listening at http://' + host + ':' + address.port)
})

if (args['exit-on-stdin-close']) {
  process.stdin.on('end', () => process.exit(0))
  process.stdin.on('close', () => process.exit(0))
  process.stdin.resume()
}
