'use strict'
// The HTTP front: requests for the operations added here are answered here, in DynamoDB's JSON 1.0
// envelope; every other request goes to dynalite's own handler untouched.

const crypto = require('node:crypto')
const zlib = require('node:zlib')

const API = 'DynamoDB_20120810'

function send (res, contentType, statusCode, data) {
  const body = JSON.stringify(data)
  res.statusCode = statusCode
  res.setHeader('x-amzn-RequestId', crypto.randomBytes(39).toString('base64').toUpperCase().replace(/[+/]/g, '0'))
  res.setHeader('x-amz-crc32', zlib.crc32(body))
  res.setHeader('Content-Type', contentType)
  res.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'))
  res.end(body)
}

function answer (operation, data, respond) {
  try {
    operation(data, function (err, result) {
      if (err && err.statusCode) return respond(err.statusCode, err.body)
      if (err) return respond(500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: String(err) })
      respond(200, result)
    })
  }
  catch (err) {
    console.error('[launcher] ' + (err && err.stack || err))
    respond(500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: String(err) })
  }
}

function front (dynaliteHandler, operations) {
  return function (req, res) {
    const target = String(req.headers['x-amz-target'] || '').split('.')
    const operation = req.method === 'POST' && target.length === 2 && target[0] === API
      ? operations[target[1]] : null
    if (!operation) return dynaliteHandler(req, res)
    const contentType = String(req.headers['content-type'] || '').split(';')[0].trim() === 'application/x-amz-json-1.0'
      ? 'application/x-amz-json-1.0' : 'application/json'
    const chunks = []
    req.on('error', () => res.destroy())
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', function () {
      let data
      try {
        data = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      }
      catch {
        return send(res, contentType, 400, { __type: 'com.amazon.coral.service#SerializationException' })
      }
      answer(operations[target[1]], data, (statusCode, body) => send(res, contentType, statusCode, body))
    })
  }
}

module.exports = front
