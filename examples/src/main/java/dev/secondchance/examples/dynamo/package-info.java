/**
 * SDK clients for the examples' DynamoDB: dynalite on a loopback port (started by
 * {@code dev.secondchance.testing.dynamodb.Dynalite}), or any endpoint given. No AWS account, no Docker,
 * nothing beyond this machine.
 */
package dev.secondchance.examples.dynamo;
