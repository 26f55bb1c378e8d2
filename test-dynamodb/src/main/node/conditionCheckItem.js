'use strict'
// ReturnValuesOnConditionCheckFailure on PutItem, UpdateItem and DeleteItem, which dynalite 4.0.0 drops
// (architect/dynalite#182). With ALL_OLD, a failed condition's ConditionalCheckFailedException carries the
// item as it stood, under "Item", as DynamoDB sends it; with NONE or without the parameter, no item.
//
// dynalite's three write actions evaluate their condition with db.checkConditional(data, existingItem)
// inside the item's lock, on the item they just read under that lock. Wrapping that one function attaches
// the very item the failed check saw: atomic with the check, not a second read after the lock is released.

const db = require('dynalite/db')

const RETURN_VALUES_ON_CONDITION_CHECK_FAILURE = { type: 'String', enum: [ 'ALL_OLD', 'NONE' ] }

function install () {
  for (const action of [ 'putItem', 'updateItem', 'deleteItem' ]) {
    // dynalite's type check deletes every parameter its table of types does not list.
    require('dynalite/validations/' + action).types.ReturnValuesOnConditionCheckFailure =
      RETURN_VALUES_ON_CONDITION_CHECK_FAILURE
  }
  const checkConditional = db.checkConditional
  db.checkConditional = function (data, existingItem) {
    const failure = checkConditional(data, existingItem)
    if (failure != null && existingItem != null && data.ReturnValuesOnConditionCheckFailure === 'ALL_OLD') {
      failure.body.Item = existingItem
    }
    return failure
  }
}

module.exports = { install, RETURN_VALUES_ON_CONDITION_CHECK_FAILURE }
