'use strict'
// UpdateTimeToLive (dynalite 4.0.0 answers UnknownOperationException) and DescribeTimeToLive (dynalite
// always answers DISABLED), in DynamoDB's request and response shapes. The specification is remembered per
// table for the life of the process; a table created again under the same name starts DISABLED.
//
// Differences from DynamoDB, on purpose:
// - A change takes effect at once: DynamoDB reports ENABLING (or DISABLING) for up to an hour first.
// - Expired items are NOT deleted. DynamoDB deletes them in the background, typically within a few days
//   of expiry, and until then reads still return them; code must check the expiry itself in any case.
// - No limit on how often TTL may be switched (DynamoDB allows one change per table per hour).

const errors = require('./errors')

function timeToLive (store) {
  const specs = new Map()

  function enabledOn (table) {
    const spec = specs.get(table.TableName)
    return spec != null && spec.created === table.CreationDateTime ? spec : null
  }

  function checkTableName (data) {
    if (typeof data.TableName !== 'string') {
      return errors.validation('1 validation error detected: Value null at \'tableName\' failed to satisfy ' +
        'constraint: Member must not be null')
    }
    if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(data.TableName)) {
      return errors.validation('1 validation error detected: Value \'' + data.TableName + '\' at \'tableName\' ' +
        'failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and ' +
        'have length between 3 and 255')
    }
    return null
  }

  function checkSpecification (spec) {
    if (spec == null || typeof spec !== 'object') {
      return errors.validation('1 validation error detected: Value null at \'timeToLiveSpecification\' failed ' +
        'to satisfy constraint: Member must not be null')
    }
    if (typeof spec.Enabled !== 'boolean') {
      return errors.validation('1 validation error detected: Value null at \'timeToLiveSpecification.enabled\' ' +
        'failed to satisfy constraint: Member must not be null')
    }
    if (typeof spec.AttributeName !== 'string' || spec.AttributeName.length < 1 || spec.AttributeName.length > 255) {
      return errors.validation('1 validation error detected: Value at \'timeToLiveSpecification.attributeName\' ' +
        'failed to satisfy constraint: Member must have length between 1 and 255')
    }
    return null
  }

  function UpdateTimeToLive (data, cb) {
    const invalid = checkTableName(data) || checkSpecification(data.TimeToLiveSpecification)
    if (invalid) return cb(invalid)
    store.getTable(data.TableName, false, function (err, table) {
      if (err) return cb(err)
      const wanted = data.TimeToLiveSpecification, current = enabledOn(table)
      if (wanted.Enabled && current) return cb(errors.validation('TimeToLive is already enabled'))
      if (!wanted.Enabled && !current) return cb(errors.validation('TimeToLive is already disabled'))
      if (wanted.Enabled) {
        specs.set(table.TableName, { created: table.CreationDateTime, attributeName: wanted.AttributeName })
      }
      else {
        specs.delete(table.TableName)
      }
      cb(null, { TimeToLiveSpecification: { Enabled: wanted.Enabled, AttributeName: wanted.AttributeName } })
    })
  }

  function DescribeTimeToLive (data, cb) {
    const invalid = checkTableName(data)
    if (invalid) return cb(invalid)
    store.getTable(data.TableName, false, function (err, table) {
      if (err) return cb(err)
      const current = enabledOn(table)
      cb(null, {
        TimeToLiveDescription: current
          ? { TimeToLiveStatus: 'ENABLED', AttributeName: current.attributeName }
          : { TimeToLiveStatus: 'DISABLED' },
      })
    })
  }

  return { UpdateTimeToLive, DescribeTimeToLive }
}

module.exports = timeToLive
