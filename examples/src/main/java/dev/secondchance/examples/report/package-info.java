/** What the examples print and write: console tables, progress lines, target checks and CSV files. */
package dev.secondchance.examples.report;
