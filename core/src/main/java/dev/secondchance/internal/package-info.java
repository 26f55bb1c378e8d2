/**
 * The one internal toolkit of Second Chance: argument checks, saturating time arithmetic, rethrowing and
 * cause-chain walking. Exported only to the project's own modules; not API.
 */
package dev.secondchance.internal;
