/**
 * People: one stable id per person; personal data travels in events only sealed with a key of that
 * person's own, so that erasing the key erases the data without rewriting history (ADR 0005).
 */
package vn.daihoi.person;
