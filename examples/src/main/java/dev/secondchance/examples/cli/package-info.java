/** The examples' command lines: options, their help, and usage errors. */
package dev.secondchance.examples.cli;
