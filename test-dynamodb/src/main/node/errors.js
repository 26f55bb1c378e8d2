'use strict'
// DynamoDB's JSON error bodies, in the shape dynalite's own errors have (statusCode + body).

const PREFIX = 'com.amazonaws.dynamodb.v20120810#'

function error (type, message, extra) {
  const err = new Error(message)
  err.statusCode = 400
  err.body = Object.assign({ __type: type, message }, extra)
  return err
}

function validation (message) {
  return error('com.amazon.coral.validate#ValidationException', message)
}

function dynamo (name, message, extra) {
  return error(PREFIX + name, message, extra)
}

module.exports = { validation, dynamo, PREFIX }
