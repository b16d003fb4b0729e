/**
 * Scenario seeds (seeds/*.yml): invented people and real-shaped units driven through the system's own commands,
 * with ids derived from the scenario so that loading a file twice adds nothing.
 */
package vn.daihoi.seed;
