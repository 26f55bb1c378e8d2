/** PNG charts drawn with XChart, headless. */
package dev.secondchance.examples.chart;
