/** Given / when / expect fixture tests of the election rules, one class per rule, named after it, and their in-memory support. */
package vn.daihoi.election.rules;
