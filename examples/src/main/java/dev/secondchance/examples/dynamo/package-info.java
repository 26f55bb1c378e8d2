/**
 * DynamoDB Local for the examples: in this JVM, as a server on a loopback port, and SDK clients for it. No
 * AWS account, no Docker, nothing beyond this machine.
 */
package dev.secondchance.examples.dynamo;
